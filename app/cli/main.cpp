// basin-cli: Basin's headless front end. Exit codes: 0 success, 1 bad input data or files,
// 2 bad command line, 3 internal error, 130 cancelled.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <new>

#include "app/cli/commands.h"
#include "core/error.h"
#ifdef BASIN_WITH_MPI
#include <mpi.h>
#endif

namespace {

// MPI_Init/MPI_Finalize around the program when built with MPI; an error on one rank aborts all
// of them instead of leaving the others waiting.
struct MpiSession {
#ifdef BASIN_WITH_MPI
  MpiSession(int* argc, char*** argv) {
    MPI_Init(argc, argv);
  }
  ~MpiSession() {
    MPI_Finalize();
  }
  static int fail(int code) {
    int size = 1;
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    if (size > 1) MPI_Abort(MPI_COMM_WORLD, code);
    return code;
  }
#else
  MpiSession(int*, char***) {}
  static int fail(int code) {
    return code;
  }
#endif
};

}  // namespace

int main(int argc, char** argv) {
  MpiSession mpi(&argc, &argv);
  CLI::App app{"Basin: loss landscapes of neural networks, from the command line.", "basin-cli"};
  app.require_subcommand(1);
  app.footer(
      "Run basin-cli COMMAND --help for a command's options.\n"
      "Exit codes: 0 done, 1 unreadable or unsuitable files, 2 bad command line, 3 internal "
      "error, 130 stopped by Ctrl-C.");
  app.set_version_flag("--version", std::string(BASIN_VERSION));
  basin::cli::addEvalCommand(app);
  basin::cli::addBenchCommand(app);
  basin::cli::addInfoCommand(app);
  basin::cli::addSurfaceCommand(app);
  basin::cli::addTrajectoryCommand(app);
  basin::cli::addRenderCommand(app);
  basin::cli::addDemoCommand(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);  // prints the help, or the problem with the command line
    return code == 0 ? 0 : MpiSession::fail(2);
  } catch (const basin::ArgumentError& e) {
    std::fprintf(stderr, "basin-cli: %s\n", e.what());
    return MpiSession::fail(2);
  } catch (const basin::Cancelled&) {
    std::fprintf(stderr, "basin-cli: cancelled\n");
    return MpiSession::fail(130);
  } catch (const basin::Error& e) {
    std::fprintf(stderr, "basin-cli: %s\n", e.what());
    return MpiSession::fail(1);
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr, "basin-cli: out of memory (try a smaller --batch or --samples)\n");
    return MpiSession::fail(1);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "basin-cli: internal error: %s\n", e.what());
    return MpiSession::fail(3);
  }
  return 0;
}

// basin-cli: Basin's headless front end. Exit codes: 0 success, 1 bad input data or files,
// 2 bad command line, 3 internal error, 130 cancelled.
#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <new>

#include "app/cli/commands.h"
#include "core/error.h"
#ifdef BASIN_WITH_MPI
#include <mpi.h>
#endif

namespace {

// MPI_Init/MPI_Finalize around the program when built with MPI and started by mpirun; an error
// on one rank aborts all of them instead of leaving the others waiting. Started on its own, the
// program stays a plain process: OpenMPI's singleton mode would spawn a daemon and shared-memory
// files for nothing (and die under a small file-size limit before Basin could say a word).
struct MpiSession {
#ifdef BASIN_WITH_MPI
  MpiSession(int* argc, char*** argv) {
    if (std::getenv("OMPI_COMM_WORLD_SIZE") || std::getenv("PMIX_RANK") || std::getenv("PMI_RANK"))
      MPI_Init(argc, argv);
  }
  ~MpiSession() {
    if (initialized()) MPI_Finalize();
  }
  static bool initialized() {
    int yes = 0;
    MPI_Initialized(&yes);
    return yes;
  }
  static int fail(int code) {
    int size = 1;
    if (initialized()) MPI_Comm_size(MPI_COMM_WORLD, &size);
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
  // Past a file-size limit (ulimit -f) a write should fail with an error Basin reports, keeping
  // the last good file, not kill the process (the default action of SIGXFSZ; MPI's singleton
  // would forward it). Set after MPI_Init, which installs its own handlers.
  std::signal(SIGXFSZ, SIG_IGN);
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
  basin::cli::addMeasureCommand(app);
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
  } catch (const basin::InputShapeError& e) {
    std::string hint = "see --pad, --rgb";
    if (e.pad >= 0)
      hint = "try " + (e.pad > 0 ? "--pad " + std::to_string(e.pad) : std::string()) +
             (e.pad > 0 && e.rgb ? " " : "") + (e.rgb ? "--rgb" : "");
    std::fprintf(stderr, "basin-cli: %s (%s)\n", e.what(), hint.c_str());
    return MpiSession::fail(1);
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

// basin-cli: Basin's headless front end. Exit codes: 0 success, 1 bad input data or files,
// 2 bad command line, 3 internal error, 130 cancelled.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <new>

#include "app/cli/commands.h"
#include "core/error.h"

int main(int argc, char** argv) {
  CLI::App app{"Basin: loss landscapes of neural networks, from the command line.", "basin-cli"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(BASIN_VERSION));
  basin::cli::addEvalCommand(app);
  basin::cli::addBenchCommand(app);
  basin::cli::addInfoCommand(app);
  basin::cli::addSurfaceCommand(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const basin::ArgumentError& e) {
    std::fprintf(stderr, "basin-cli: %s\n", e.what());
    return 2;
  } catch (const basin::Cancelled&) {
    std::fprintf(stderr, "basin-cli: cancelled\n");
    return 130;
  } catch (const basin::Error& e) {
    std::fprintf(stderr, "basin-cli: %s\n", e.what());
    return 1;
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr, "basin-cli: out of memory (try a smaller --batch or --samples)\n");
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "basin-cli: internal error: %s\n", e.what());
    return 3;
  }
  return 0;
}

// basin-cli's commands. Each registers its subcommand and options on the CLI11 app and runs
// through a callback; errors propagate as basin::Error for main() to report.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace basin::cli {

void addEvalCommand(CLI::App& app);
void addBenchCommand(CLI::App& app);
void addInfoCommand(CLI::App& app);
void addSurfaceCommand(CLI::App& app);
void addTrajectoryCommand(CLI::App& app);
// `render` and `export` (figures and data files through viz).
void addRenderCommand(CLI::App& app);
void addMeasureCommand(CLI::App& app);
// `demo`: the bundled demo's figures and numbers.
void addDemoCommand(CLI::App& app);
// `bench surface`, a subcommand of `bench`.
void addBenchSurfaceCommand(CLI::App& bench);
// `bench trajectory`, likewise.
void addBenchTrajectoryCommand(CLI::App& bench);

// Folder of the bundled demo (model and data). Looks at $BASIN_RESOURCES, the installed
// share/basin next to the executable, then the source tree. Throws IoError if none has it.
std::string demoFolder();

// --batch and --threads, range-checked by CLI11, for every command that evaluates.
void addComputeOptions(CLI::App* cmd, int64_t& batch, int& threads);

// A check for a number option: finite and at least `min` (CLI11's Range lets NaN through).
CLI::Validator atLeast(double min);

// Peak resident memory of this process so far, in MiB (what a benchmark's memory goal is about).
double peakRssMiB();

// Thousands separators for counts in human-readable output.
std::string grouped(int64_t n);

}  // namespace basin::cli

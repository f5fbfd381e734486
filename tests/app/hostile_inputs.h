// Hostile and broken weight and data files for docs/bad-input.md (issue 18's classes 1-3, 6, 8).
#pragma once

#include <string>

namespace basin::test {

// Writes every file those rows name into `dir`.
void makeHostileInputs(const std::string& dir);

}  // namespace basin::test

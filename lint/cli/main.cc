// Entry point of the postcheck binary: all behaviour is in RunCli (cli.h).
#include <iostream>

#include "cli/cli.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  // The process ends right after RunCli, so the engine is left for the
  // operating system to free.
  return postcheck::RunCli(argc, argv, std::cin, std::cout, std::cerr,
                           postcheck::EngineTeardown::kLeaveForExit);
}

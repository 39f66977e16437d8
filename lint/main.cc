// Entry point of the postcheck binary: all behaviour is in RunCli (cli.h).
#include <iostream>

#include "cli.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  return postcheck::RunCli(argc, argv, std::cin, std::cout, std::cerr);
}

#include "app.hpp"

int main(int argc, char** argv) { return edgeplan::cli::run(argc, argv); }

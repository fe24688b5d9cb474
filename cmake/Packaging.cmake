# Installation (`cmake --install build`) and the Debian package (`cpack -G DEB`
# in the build directory). The man page and the shell completions are generated
# by the built binary from the command definitions that print --help
# (`edgeplan man`, `edgeplan completion SHELL`), so they match the binary they
# ship with. tools/check_package.sh builds the package and inspects it.
include(GNUInstallDirs)

set(EDGEPLAN_GENERATED_SHARE ${CMAKE_BINARY_DIR}/share)
set(EDGEPLAN_MAN_PAGE ${EDGEPLAN_GENERATED_SHARE}/man/edgeplan.1)
set(EDGEPLAN_COMPLETIONS
  ${EDGEPLAN_GENERATED_SHARE}/completions/edgeplan.bash
  ${EDGEPLAN_GENERATED_SHARE}/completions/_edgeplan
  ${EDGEPLAN_GENERATED_SHARE}/completions/edgeplan.fish)

# Debian installs man pages gzip'd (-n: no name or time stamp, so the package
# is reproducible); without gzip the page is installed as it is.
find_program(EDGEPLAN_GZIP gzip)
set(EDGEPLAN_MAN_INSTALLED ${EDGEPLAN_MAN_PAGE})
set(EDGEPLAN_GZIP_COMMAND)
if(EDGEPLAN_GZIP)
  set(EDGEPLAN_MAN_INSTALLED ${EDGEPLAN_MAN_PAGE}.gz)
  set(EDGEPLAN_GZIP_COMMAND COMMAND ${EDGEPLAN_GZIP} -9 -n -k -f ${EDGEPLAN_MAN_PAGE})
endif()

# `edgeplan` as the COMMAND is the target's binary (run through
# CMAKE_CROSSCOMPILING_EMULATOR when cross-compiling).
add_custom_command(
  OUTPUT ${EDGEPLAN_MAN_PAGE} ${EDGEPLAN_MAN_INSTALLED}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${EDGEPLAN_GENERATED_SHARE}/man
  COMMAND edgeplan man -o ${EDGEPLAN_MAN_PAGE}
  ${EDGEPLAN_GZIP_COMMAND}
  DEPENDS edgeplan
  COMMENT "Generating the man page edgeplan(1)"
  VERBATIM)
add_custom_command(
  OUTPUT ${EDGEPLAN_COMPLETIONS}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${EDGEPLAN_GENERATED_SHARE}/completions
  COMMAND edgeplan completion bash -o ${EDGEPLAN_GENERATED_SHARE}/completions/edgeplan.bash
  COMMAND edgeplan completion zsh -o ${EDGEPLAN_GENERATED_SHARE}/completions/_edgeplan
  COMMAND edgeplan completion fish -o ${EDGEPLAN_GENERATED_SHARE}/completions/edgeplan.fish
  DEPENDS edgeplan
  COMMENT "Generating the bash, zsh and fish completions"
  VERBATIM)
add_custom_target(edgeplan_docs ALL DEPENDS ${EDGEPLAN_MAN_INSTALLED} ${EDGEPLAN_COMPLETIONS})

install(TARGETS edgeplan RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${EDGEPLAN_MAN_INSTALLED} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
# Where Debian's bash-completion, zsh and fish look for packaged completions.
install(FILES ${EDGEPLAN_GENERATED_SHARE}/completions/edgeplan.bash
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/bash-completion/completions RENAME edgeplan)
install(FILES ${EDGEPLAN_GENERATED_SHARE}/completions/_edgeplan
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/zsh/vendor-completions)
install(FILES ${EDGEPLAN_GENERATED_SHARE}/completions/edgeplan.fish
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/fish/vendor_completions.d)
install(FILES ${CMAKE_SOURCE_DIR}/README.md ${CMAKE_SOURCE_DIR}/packaging/copyright
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

# The package's identity: generic placeholders a distributor overrides with -D.
set(EDGEPLAN_PACKAGE_MAINTAINER "edgeplan maintainers <maintainers@example.invalid>" CACHE STRING
    "Maintainer field of the Debian package")
set(EDGEPLAN_PACKAGE_HOMEPAGE "https://github.com/your-org/edgeplan" CACHE STRING
    "Homepage field of the Debian package")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME edgeplan)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT ${EDGEPLAN_PACKAGE_MAINTAINER})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "recommend where an edge workload runs on AWS; gate architecture reviews in CI")
set(CPACK_PACKAGE_DESCRIPTION
    "edgeplan recommends where a latency- or residency-sensitive workload runs on AWS
(a Region, a Local Zone, a Wavelength Zone, or Outposts at the customer's
facility) and says why: for every rejected option, the constraint that failed.
Its check command gates architecture reviews in CI with SARIF, JUnit, GitHub
annotations or Markdown reports. The catalog and the default rules (JsonLogic)
are compiled in.")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # edgeplan_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${EDGEPLAN_PACKAGE_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${EDGEPLAN_PACKAGE_HOMEPAGE})
# Depends from the shared libraries the binary links (dpkg-shlibdeps, from dpkg-dev).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
include(CPack)

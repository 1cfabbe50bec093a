# `cmake --build --preset release --target package` leaves
# seqscope_<version>_<arch>.deb in the build folder. The libraries it needs are
# computed by dpkg-shlibdeps from the programs themselves, so `apt-get install
# ./seqscope_*.deb` pulls Qt 6, libpcap and QCustomPlot on a fresh Debian 12.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME seqscope)
set(CPACK_PACKAGE_VENDOR "The seqscope authors")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "packet analyzer that makes TCP and UDP visible")
set(CPACK_PACKAGE_DESCRIPTION
    "seqscope opens pcap and pcapng captures, decodes them as tshark does and shows\n\
every TCP conversation and UDP exchange: handshake, data, retransmissions,\n\
teardown and each endpoint's state, with a seq/ack ladder that explains the\n\
arithmetic on every arrow, a timeline of all connections and TCP graphs.\n\
seqscope-cli is its command-line twin, with tshark's options and field names.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_OUTPUT_FILE_PREFIX ${PROJECT_BINARY_DIR})

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # seqscope_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "The seqscope authors <seqscope@localhost>")
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Beside the computed libraries: adduser for the postinst's group, libcap2-bin for its
# setcap (the capture helper's capabilities). Qt loads its
# platform plugins at run time, out of dpkg-shlibdeps' sight: xcb and offscreen come
# with libqt6gui6 (a computed dependency), Wayland with qt6-wayland.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser, libcap2-bin")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "tshark")
# postinst makes the `seqscope` group and gives the capture helper its capabilities
# for that group's members, as wireshark-common does for dumpcap.
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${CMAKE_CURRENT_LIST_DIR}/debian/postinst)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

include(CPack)

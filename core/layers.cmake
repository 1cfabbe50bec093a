# core/'s rules, checked at configure time and again at build time whenever a file of
# core/ changes (cmake -P core/layers.cmake -DCORE_DIR=…), so a wrong include fails
# the build:
#  1. no Qt: core/ is plain C++20 + libpcap;
#  2. folders in layers that point one way: a file may include its own folder and
#     folders of lower layers only. Folders of one layer do not include each other.
# Lowest first; keep docs/ARCHITECTURE.md's picture in step.
set(SEQSCOPE_CORE_LAYERS
  "util"                 # helpers, strong ids
  "types"                # value types shared by all: addresses, packet view, analysis flag bits
  "store"                # packed per-packet records, the mapped file
  "capture"              # pcap/pcapng reading and writing, live capture
  "capture_helper"       # seqscope-capture: the one program that opens capture handles
  "flow"                 # cross-packet state: TCP/UDP trackers, IP reassembly, ICMP
  "decode"               # one decoder per protocol, the field tree
  "session"              # CaptureSession: pass one and pass two over a store
  "analysis"             # conversations, endpoint states, arithmetic, UDP exchanges
  "ladder timeline"      # the views' data
  "graphs"               # TCP graph series (use the timeline's time axis)
  "format"               # field registry, tshark's output formats, reports, packet rows
  "cli"                  # seqscope-cli: arguments, -z dispatch, report runners
)

if(NOT CORE_DIR)
  set(CORE_DIR ${CMAKE_CURRENT_LIST_DIR})
endif()

set(rank 0)
set(known_folders)
foreach(layer IN LISTS SEQSCOPE_CORE_LAYERS)
  string(REPLACE " " ";" folders "${layer}")
  foreach(folder IN LISTS folders)
    set(rank_of_${folder} ${rank})
    list(APPEND known_folders ${folder})
  endforeach()
  math(EXPR rank "${rank} + 1")
endforeach()

file(GLOB_RECURSE sources RELATIVE ${CORE_DIR} ${CORE_DIR}/*.cpp ${CORE_DIR}/*.h ${CORE_DIR}/*.inc)
set(problems)
foreach(src IN LISTS sources)
  file(STRINGS ${CORE_DIR}/${src} includes REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]")
  string(REGEX MATCH "^[^/]+" own "${src}")
  if(NOT DEFINED rank_of_${own})
    list(APPEND problems "core/${src}: folder '${own}' has no layer in core/layers.cmake")
    continue()
  endif()
  foreach(line IN LISTS includes)
    if(line MATCHES "#[ \t]*include[ \t]*<Q" OR line MATCHES "#[ \t]*include[ \t]*\"Q")
      list(APPEND problems "core/${src} includes Qt (${line}); core/ must stay Qt-free")
    endif()
    if(line MATCHES "#[ \t]*include[ \t]*\"([a-z_]+)/")
      set(used ${CMAKE_MATCH_1})
      if(used STREQUAL own OR NOT DEFINED rank_of_${used})
        continue()
      endif()
      if(NOT rank_of_${used} LESS rank_of_${own})
        list(APPEND problems "core/${src} (layer '${own}') includes ${used}/, which is not below it")
      endif()
    endif()
  endforeach()
endforeach()
if(problems)
  list(JOIN problems "\n  " text)
  message(FATAL_ERROR "core/'s layering is broken:\n  ${text}")
endif()

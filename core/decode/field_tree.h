// SPDX-License-Identifier: GPL-3.0-or-later
// Pass two's output: the packet's fields in tree order, each with its Wireshark
// field name (abbrev), its value as `tshark -T fields` prints it, the label that
// `tshark -V` and the details pane show, and its byte range in the frame.
// Pass one builds no tree (FieldTree* is null); decoders guard with `if (tree)`.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace seqscope {

struct FieldNode {
    std::string_view abbrev;   // "tcp.seq"; empty for a text-only line; always a string literal
    std::string value;         // -T fields text ("1", "0x0018", "127.0.0.1")
    std::string label;         // -V / details text ("Sequence Number: 1    (relative sequence number)")
    std::uint32_t offset = 0;  // byte range in the frame (bytes pane); length 0 = none
    std::uint32_t length = 0;
    std::int32_t parent = -1;  // index of the parent node, -1 at top level
    std::uint16_t depth = 0;
    bool hidden = false;       // in -T fields output, not in -V or the details pane
};

class FieldTree {
public:
    using Index = std::int32_t;
    static constexpr Index kRoot = -1;

    // `want_labels` false skips label text (the CLI's -T fields mode).
    explicit FieldTree(bool want_labels = true) : want_labels_(want_labels) {}

    [[nodiscard]] bool want_labels() const { return want_labels_; }
    [[nodiscard]] const std::vector<FieldNode>& nodes() const { return nodes_; }
    void clear() { nodes_.clear(); }

    // Adds a node under `parent`. `label` is ignored when labels are not wanted.
    Index add(Index parent, std::string_view abbrev, std::string value, std::string label,
              std::uint32_t offset = 0, std::uint32_t length = 0) {
        FieldNode n;
        n.abbrev = abbrev;
        n.value = std::move(value);
        if (want_labels_) n.label = std::move(label);
        n.offset = offset;
        n.length = length;
        n.parent = parent;
        n.depth = parent < 0 ? 0 : static_cast<std::uint16_t>(nodes_[static_cast<std::size_t>(parent)].depth + 1);
        nodes_.push_back(std::move(n));
        return static_cast<Index>(nodes_.size() - 1);
    }
    Index add_hidden(Index parent, std::string_view abbrev, std::string value,
                     std::uint32_t offset = 0, std::uint32_t length = 0) {
        const Index i = add(parent, abbrev, std::move(value), {}, offset, length);
        nodes_[static_cast<std::size_t>(i)].hidden = true;
        return i;
    }
    // A text-only line (no field name), e.g. "[Expert Info ...]" or a subtree title.
    Index add_text(Index parent, std::string label, std::uint32_t offset = 0, std::uint32_t length = 0) {
        return add(parent, {}, {}, std::move(label), offset, length);
    }
    FieldNode& node(Index i) { return nodes_[static_cast<std::size_t>(i)]; }

    // Every value of `abbrev` in tree order (what -E occurrence=a joins with ',').
    [[nodiscard]] std::vector<std::string_view> values(std::string_view abbrev) const {
        std::vector<std::string_view> out;
        for (const auto& n : nodes_)
            if (n.abbrev == abbrev) out.emplace_back(n.value);
        return out;
    }

private:
    bool want_labels_;
    std::vector<FieldNode> nodes_;
};

}  // namespace seqscope

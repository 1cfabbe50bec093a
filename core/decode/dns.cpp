// SPDX-License-Identifier: GPL-3.0-or-later
// DNS (RFC 1035), mDNS (RFC 6762) and LLMNR (RFC 4795) messages: header,
// questions and resource records, with tshark's Info wording.
#include "decode/decode_util.h"
#include "decode/dns_name.h"
#include "decode/layers.h"

namespace seqscope {

namespace {

std::string type_name(std::uint16_t t) {
    static constexpr const char* kLow[] = {
        nullptr, "A", "NS", "MD", "MF", "CNAME", "SOA", "MB", "MG", "MR", "NULL", "WKS", "PTR", "HINFO", "MINFO",
        "MX", "TXT", "RP", "AFSDB", "X25", "ISDN", "RT", "NSAP", "NSAP-PTR", "SIG", "KEY", "PX", "GPOS", "AAAA",
        "LOC", "NXT", "EID", "NIMLOC", "SRV", "ATMA", "NAPTR", "KX", "CERT", "A6", "DNAME", "SINK", "OPT", "APL",
        "DS", "SSHFP", "IPSECKEY", "RRSIG", "NSEC", "DNSKEY", "DHCID", "NSEC3", "NSEC3PARAM", "TLSA", "SMIMEA",
        nullptr, "HIP", "NINFO", "RKEY", "TALINK", "CDS", "CDNSKEY", "OPENPGPKEY", "CSYNC", "ZONEMD", "SVCB", "HTTPS"};
    if (t < std::size(kLow) && kLow[t]) return kLow[t];
    switch (t) {
    case 99: return "SPF";
    case 100: return "UINFO";
    case 101: return "UID";
    case 102: return "GID";
    case 103: return "UNSPEC";
    case 104: return "NID";
    case 105: return "L32";
    case 106: return "L64";
    case 107: return "LP";
    case 108: return "EUI48";
    case 109: return "EUI64";
    case 249: return "TKEY";
    case 250: return "TSIG";
    case 251: return "IXFR";
    case 252: return "AXFR";
    case 253: return "MAILB";
    case 254: return "MAILA";
    case 255: return "ANY";
    case 256: return "URI";
    case 257: return "CAA";
    case 258: return "AVC";
    case 259: return "DOA";
    case 260: return "AMTRELAY";
    case 32768: return "TA";
    case 32769: return "DLV";
    default: return "Unknown (" + std::to_string(t) + ")";
    }
}

const char* opcode_name(unsigned op) {
    switch (op) {
    case 0: return "Standard query";
    case 1: return "Inverse query";
    case 2: return "Server status request";
    case 4: return "Zone change notification";
    case 5: return "Dynamic update";
    default: return nullptr;
    }
}

const char* rcode_name(unsigned rc) {
    static constexpr const char* kNames[] = {"No error", "Format error", "Server failure", "No such name",
                                             "Not implemented", "Refused", "Name exists", "RRset exists",
                                             "RRset does not exist", "Not authoritative", "Name out of zone",
                                             "DSO-Type not implemented"};
    return rc < std::size(kNames) ? kNames[rc] : nullptr;
}

std::string class_text(std::uint16_t c) {
    switch (c) {
    case 1: return "IN";
    case 3: return "CH";
    case 4: return "HS";
    case 254: return "NONE";
    case 255: return "ANY";
    default: return hex(c, 4);
    }
}

struct Msg {
    DecodeContext& ctx;
    Bytes data;            // the message as captured
    std::uint32_t reported;
    std::uint32_t base;    // frame offset of the message
    DnsFlavor flavor;
    std::string info;
    bool stop = false;

    // Ends decoding with the right mark when a read runs past the captured bytes.
    void short_read(TreeIndex node, std::size_t need) {
        set_info(ctx, info);
        mark_short(ctx, node, flavor == DnsFlavor::Mdns ? "MDNS" : flavor == DnsFlavor::Llmnr ? "LLMNR" : "DNS", need,
                   data.size(), reported);
        stop = true;
    }
};

// One resource record at `pos`; returns the position after it (0 when decoding stopped).
std::size_t decode_rr(Msg& m, TreeIndex parent, std::size_t pos) {
    FieldTree* t = m.ctx.tree;
    const DnsName name = read_dns_name(m.data, pos);
    if (name.truncated) {
        m.short_read(parent, m.data.size() + 1);
        return 0;
    }
    std::size_t p = pos + name.wire_len;
    ByteReader r(m.data);
    r.seek(p);
    if (!r.has(10)) {
        m.short_read(parent, p + 10);
        return 0;
    }
    const std::uint16_t type = r.u16();
    std::uint16_t klass = r.u16();
    const std::uint32_t ttl = r.u32();
    const std::uint16_t rdlen = r.u16();
    const std::size_t rdata_at = r.offset();
    const bool mdns = m.flavor == DnsFlavor::Mdns;
    const bool flush = mdns && type != 41 && (klass & 0x8000);
    if (mdns && type != 41) klass &= 0x7fff;
    const std::string tname = type_name(type);
    const std::uint32_t at = m.base + static_cast<std::uint32_t>(pos);
    TreeIndex n = parent;
    if (t) {
        n = t->add(parent, {}, {}, name.text + ": type " + tname + ", class " + class_text(klass), at,
                   static_cast<std::uint32_t>(rdata_at + rdlen - pos));
        t->add(n, "dns.resp.name", name.text, "Name: " + name.text, at, name.wire_len);
        t->add(n, "dns.resp.type", std::to_string(type), "Type: " + tname + " (" + std::to_string(type) + ")", m.base + static_cast<std::uint32_t>(p), 2);
        if (type == 41) {
            t->add(n, "dns.rr.udp_payload_size", std::to_string(klass), "UDP payload size: " + std::to_string(klass), m.base + static_cast<std::uint32_t>(p + 2), 2);
        } else {
            t->add(n, "dns.resp.class", hex(klass, 4), "Class: " + class_text(klass) + " (" + hex(klass, 4) + ")", m.base + static_cast<std::uint32_t>(p + 2), 2);
            if (mdns) t->add(n, "dns.resp.cache_flush", flush ? "1" : "0", std::string("Cache flush: ") + (flush ? "True" : "False"));
            t->add(n, "dns.resp.ttl", std::to_string(ttl), "Time to live: " + std::to_string(ttl), m.base + static_cast<std::uint32_t>(p + 4), 4);
        }
        t->add(n, "dns.resp.len", std::to_string(rdlen), "Data length: " + std::to_string(rdlen), m.base + static_cast<std::uint32_t>(p + 8), 2);
    }
    m.info += " " + tname;
    if (!r.has(rdlen)) {
        m.short_read(n, rdata_at + rdlen);
        return 0;
    }
    const Bytes rd = m.data.subspan(rdata_at, rdlen);
    const std::uint32_t rd_at = m.base + static_cast<std::uint32_t>(rdata_at);
    auto name_at = [&](std::size_t off) { return read_dns_name(m.data, off); };
    auto add = [&](std::string_view abbrev, const std::string& value, const std::string& label, std::uint32_t o, std::uint32_t l) {
        if (t) t->add(n, abbrev, value, label + ": " + value, o, l);
    };
    switch (type) {
    case 1:
        if (rdlen == 4) {
            const std::string a = format_ipv4(rd.data());
            m.info += " " + a;
            add("dns.a", a, "Address", rd_at, 4);
            if (t) t->node(n).label += ", addr " + a;
        }
        break;
    case 28:
        if (rdlen == 16) {
            const std::string a = format_ipv6(rd.data());
            m.info += " " + a;
            add("dns.aaaa", a, "AAAA Address", rd_at, 16);
            if (t) t->node(n).label += ", addr " + a;
        }
        break;
    case 2: case 5: case 12: case 39: {
        const DnsName d = name_at(rdata_at);
        m.info += " " + d.text;
        const char* abbrev = type == 2 ? "dns.ns" : type == 5 ? "dns.cname" : type == 12 ? "dns.ptr.domain_name" : "dns.dname";
        const char* label = type == 2 ? "Name Server" : type == 5 ? "CNAME" : type == 12 ? "Domain Name" : "Target name";
        add(abbrev, d.text, label, rd_at, d.wire_len);
        if (t) t->node(n).label += std::string(type == 2 ? ", ns " : type == 5 ? ", cname " : type == 12 ? " " : ", dname ") + d.text;
        break;
    }
    case 15:
        if (rdlen >= 3) {
            const std::uint16_t pref = ByteReader(rd).peek_u16(0);
            const DnsName d = name_at(rdata_at + 2);
            m.info += " " + std::to_string(pref) + " " + d.text;
            add("dns.mx.preference", std::to_string(pref), "Preference", rd_at, 2);
            add("dns.mx.mail_exchange", d.text, "Mail Exchange", rd_at + 2, d.wire_len);
        }
        break;
    case 6: {
        const DnsName mname = name_at(rdata_at);
        m.info += " " + mname.text;
        const DnsName rname = name_at(rdata_at + mname.wire_len);
        add("dns.soa.mname", mname.text, "Primary name server", rd_at, mname.wire_len);
        add("dns.soa.rname", rname.text, "Responsible authority's mailbox", rd_at + mname.wire_len, rname.wire_len);
        ByteReader s(rd);
        s.seek(mname.wire_len + rname.wire_len);
        if (s.has(20)) {
            const std::uint32_t o = rd_at + mname.wire_len + rname.wire_len;
            add("dns.soa.serial_number", std::to_string(s.u32()), "Serial Number", o, 4);
            add("dns.soa.refresh_interval", std::to_string(s.u32()), "Refresh Interval", o + 4, 4);
            add("dns.soa.retry_interval", std::to_string(s.u32()), "Retry Interval", o + 8, 4);
            add("dns.soa.expire_limit", std::to_string(s.u32()), "Expire limit", o + 12, 4);
            add("dns.soa.minimum_ttl", std::to_string(s.u32()), "Minimum TTL", o + 16, 4);
        }
        break;
    }
    case 16: {
        ByteReader s(rd);
        while (s.remaining() > 0) {
            const std::uint32_t o = rd_at + static_cast<std::uint32_t>(s.offset());
            const std::uint8_t l = s.u8();
            const Bytes txt = s.bytes(std::min<std::size_t>(l, s.remaining()));
            add("dns.txt.length", std::to_string(l), "TXT Length", o, 1);
            add("dns.txt", std::string(reinterpret_cast<const char*>(txt.data()), txt.size()), "TXT", o + 1,
                static_cast<std::uint32_t>(txt.size()));
        }
        break;
    }
    case 33:
        if (rdlen >= 7) {
            ByteReader s(rd);
            const std::uint16_t prio = s.u16(), weight = s.u16(), port = s.u16();
            const DnsName d = name_at(rdata_at + 6);
            m.info += " " + std::to_string(prio) + " " + std::to_string(weight) + " " + std::to_string(port) + " " + d.text;
            add("dns.srv.priority", std::to_string(prio), "Priority", rd_at, 2);
            add("dns.srv.weight", std::to_string(weight), "Weight", rd_at + 2, 2);
            add("dns.srv.port", std::to_string(port), "Port", rd_at + 4, 2);
            add("dns.srv.target", d.text, "Target", rd_at + 6, d.wire_len);
        }
        break;
    default:
        if (t && rdlen > 0) t->add(n, "dns.data", hex_bytes(rd), "Data: " + hex_bytes(rd), rd_at, rdlen);
        break;
    }
    return rdata_at + rdlen;
}

}  // namespace

void decode_dns(DecodeContext& ctx, ByteReader r, TreeIndex parent, std::uint32_t reported, DnsFlavor flavor,
                bool over_tcp) {
    (void)over_tcp;
    const Bytes data = r.data();
    const std::uint32_t base = ctx.offset_of(data);
    const char* proto = flavor == DnsFlavor::Mdns ? "MDNS" : flavor == DnsFlavor::Llmnr ? "LLMNR" : "DNS";
    set_protocol(ctx, proto);
    Msg m{ctx, data, reported, base, flavor, {}, false};
    TreeIndex node = parent;
    if (ctx.tree) {
        const char* title = flavor == DnsFlavor::Mdns ? "Multicast Domain Name System"
                            : flavor == DnsFlavor::Llmnr ? "Link-local Multicast Name Resolution"
                                                         : "Domain Name System";
        node = ctx.tree->add(parent, flavor == DnsFlavor::Mdns ? "mdns" : flavor == DnsFlavor::Llmnr ? "llmnr" : "dns", {},
                             title, base, static_cast<std::uint32_t>(data.size()));
    }
    if (!r.has(12)) {
        set_info(ctx, {});
        m.short_read(node, 12);
        return;
    }
    const std::uint16_t id = r.u16();
    const std::uint16_t flags = r.u16();
    const std::uint16_t qd = r.u16(), an = r.u16(), ns = r.u16(), ar = r.u16();
    const bool response = flags & 0x8000;
    const unsigned opcode = (flags >> 11) & 0xf;
    const unsigned rcode = flags & 0xf;
    const char* opname = opcode_name(opcode);
    m.info = opname ? opname : "Unknown operation (" + std::to_string(opcode) + ")";
    if (response) m.info += " response";
    m.info += " " + hex(id, 4);
    if (response && rcode != 0) {
        const char* rn = rcode_name(rcode);
        m.info += " ";
        m.info += rn ? rn : "Unknown error (" + std::to_string(rcode) + ")";
    }
    if (ctx.tree) {
        FieldTree& t = *ctx.tree;
        t.node(node).label += response ? " (response)" : " (query)";
        t.add(node, "dns.id", hex(id, 4), "Transaction ID: " + hex(id, 4), base, 2);
        std::string ftext = opname ? opname : "Unknown operation";
        if (response) ftext += std::string(" response, ") + (rcode_name(rcode) ? rcode_name(rcode) : "Unknown error");
        const TreeIndex f = t.add(node, "dns.flags", hex(flags, 4), "Flags: " + hex(flags, 4) + " " + ftext, base + 2, 2);
        t.add(f, "dns.flags.response", response ? "1" : "0",
              bit_label(flags, 16, 0x8000, "Response", "Message is a response", "Message is a query"), base + 2, 2);
        t.add(f, "dns.flags.opcode", std::to_string(opcode), "Opcode: " + std::to_string(opcode), base + 2, 2);
        if (response) t.add(f, "dns.flags.authoritative", (flags & 0x0400) ? "1" : "0", bit_label(flags, 16, 0x0400, "Authoritative"), base + 2, 2);
        t.add(f, "dns.flags.truncated", (flags & 0x0200) ? "1" : "0", bit_label(flags, 16, 0x0200, "Truncated"), base + 2, 2);
        t.add(f, "dns.flags.recdesired", (flags & 0x0100) ? "1" : "0", bit_label(flags, 16, 0x0100, "Recursion desired"), base + 2, 2);
        if (response) t.add(f, "dns.flags.recavail", (flags & 0x0080) ? "1" : "0", bit_label(flags, 16, 0x0080, "Recursion available"), base + 2, 2);
        t.add(f, "dns.flags.z", (flags & 0x0040) ? "1" : "0", bit_label(flags, 16, 0x0040, "Z"), base + 2, 2);
        if (response) t.add(f, "dns.flags.authenticated", (flags & 0x0020) ? "1" : "0", bit_label(flags, 16, 0x0020, "Answer authenticated"), base + 2, 2);
        t.add(f, "dns.flags.checkdisable", (flags & 0x0010) ? "1" : "0", bit_label(flags, 16, 0x0010, "Non-authenticated data"), base + 2, 2);
        if (response) t.add(f, "dns.flags.rcode", std::to_string(rcode), "Reply code: " + std::string(rcode_name(rcode) ? rcode_name(rcode) : "Unknown") + " (" + std::to_string(rcode) + ")", base + 2, 2);
        t.add(node, "dns.count.queries", std::to_string(qd), "Questions: " + std::to_string(qd), base + 4, 2);
        t.add(node, "dns.count.answers", std::to_string(an), "Answer RRs: " + std::to_string(an), base + 6, 2);
        t.add(node, "dns.count.auth_rr", std::to_string(ns), "Authority RRs: " + std::to_string(ns), base + 8, 2);
        t.add(node, "dns.count.add_rr", std::to_string(ar), "Additional RRs: " + std::to_string(ar), base + 10, 2);
    }
    std::size_t pos = 12;
    TreeIndex qnode = node;
    if (qd > 0 && ctx.tree) qnode = ctx.tree->add(node, {}, {}, "Queries");
    for (unsigned i = 0; i < qd; ++i) {
        const DnsName name = read_dns_name(data, pos);
        if (name.truncated) {
            m.short_read(qnode, data.size() + 1);
            return;
        }
        ByteReader q(data);
        q.seek(pos + name.wire_len);
        if (!q.has(4)) {
            m.short_read(qnode, pos + name.wire_len + 4);
            return;
        }
        const std::uint16_t type = q.u16();
        std::uint16_t klass = q.u16();
        const bool qu = flavor == DnsFlavor::Mdns && (klass & 0x8000);
        if (flavor == DnsFlavor::Mdns) klass &= 0x7fff;
        const std::string tname = type_name(type);
        m.info += " " + tname + " " + name.text;
        if (flavor == DnsFlavor::Mdns) m.info += qu ? ", \"QU\" question" : ", \"QM\" question";
        if (ctx.tree) {
            FieldTree& t = *ctx.tree;
            const std::uint32_t at = base + static_cast<std::uint32_t>(pos);
            const TreeIndex qn = t.add(qnode, {}, {}, name.text + ": type " + tname + ", class " + class_text(klass), at, name.wire_len + 4);
            t.add(qn, "dns.qry.name", name.text, "Name: " + name.text, at, name.wire_len);
            t.add(qn, "dns.qry.name.len", std::to_string(name.loop ? 0 : name.text.size()), "[Name Length: " + std::to_string(name.text.size()) + "]");
            t.add(qn, "dns.count.labels", std::to_string(name.labels), "[Label Count: " + std::to_string(name.labels) + "]");
            t.add(qn, "dns.qry.type", std::to_string(type), "Type: " + tname + " (" + std::to_string(type) + ")", at + name.wire_len, 2);
            t.add(qn, "dns.qry.class", hex(klass, 4), "Class: " + class_text(klass) + " (" + hex(klass, 4) + ")", at + name.wire_len + 2, 2);
            if (flavor == DnsFlavor::Mdns) t.add(qn, "dns.qry.qu", qu ? "1" : "0", std::string("\"QU\" question: ") + (qu ? "True" : "False"));
        }
        pos += name.wire_len + 4;
    }
    const std::uint16_t counts[3] = {an, ns, ar};
    static constexpr const char* kSections[3] = {"Answers", "Authoritative nameservers", "Additional records"};
    for (int s = 0; s < 3; ++s) {
        TreeIndex sn = node;
        if (counts[s] > 0 && ctx.tree) sn = ctx.tree->add(node, {}, {}, kSections[s]);
        for (unsigned i = 0; i < counts[s]; ++i) {
            pos = decode_rr(m, sn, pos);
            if (m.stop) return;
        }
    }
    set_info(ctx, m.info);
}

void decode_dns_tcp(DecodeContext& ctx, ByteReader r, TreeIndex parent, std::uint32_t reported) {
    // One segment: length-prefixed messages. A message continuing past this segment
    // needs TCP reassembly, which tshark reports as a segment of a reassembled PDU.
    const Bytes data = r.data();
    std::size_t pos = 0;
    bool first = true;
    while (pos < data.size()) {
        if (data.size() - pos < 2) {
            append_info(ctx, " [TCP segment of a reassembled PDU]");
            return;
        }
        const std::size_t len = (std::size_t{data[pos]} << 8) | data[pos + 1];
        if (pos + 2 + len > data.size()) {
            append_info(ctx, " [TCP segment of a reassembled PDU]");
            return;
        }
        if (!first) ctx.info_fence = ctx.columns ? ctx.columns->info.size() : 0;
        decode_dns(ctx, ByteReader(data.subspan(pos + 2, len)), parent, static_cast<std::uint32_t>(len), DnsFlavor::Dns, true);
        if (ctx.stopped) return;
        pos += 2 + len;
        first = false;
    }
    (void)reported;
}

}  // namespace seqscope

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "JpegInfo.h"

namespace cis {

namespace {

constexpr quint8 kMarkerPrefix = 0xFF;
constexpr quint8 kSoi = 0xD8;
constexpr quint8 kEoi = 0xD9;
constexpr quint8 kSos = 0xDA;
constexpr quint8 kTem = 0x01;
constexpr quint8 kSof0 = 0xC0;
constexpr quint8 kSof2 = 0xC2;
constexpr quint8 kDht = 0xC4;
constexpr quint8 kJpg = 0xC8;
constexpr quint8 kDac = 0xCC;
constexpr quint8 kApp0 = 0xE0;
constexpr quint8 kApp1 = 0xE1;
constexpr quint8 kApp15 = 0xEF;
constexpr quint8 kCom = 0xFE;

bool isRestart(quint8 marker)
{
    return marker >= 0xD0 && marker <= 0xD7;
}

// C0..CF are frame headers except the three codes in that range that mean something else.
bool isFrameHeader(quint8 marker)
{
    return marker >= 0xC0 && marker <= 0xCF && marker != kDht && marker != kJpg && marker != kDac;
}

// Bounds-checked reads: every access goes through these, so hostile lengths cannot reach past
// the end.
class Reader
{
public:
    explicit Reader(QByteArrayView bytes)
        : m_bytes(bytes)
    {}

    qsizetype size() const { return m_bytes.size(); }
    quint8 at(qsizetype index) const { return static_cast<quint8>(m_bytes.at(index)); }
    int word(qsizetype index) const { return (at(index) << 8) | at(index + 1); }
    bool has(qsizetype index, qsizetype count) const
    {
        return index >= 0 && count >= 0 && index <= size() && count <= size() - index;
    }
    bool startsWith(qsizetype index, QByteArrayView prefix) const
    {
        return has(index, prefix.size()) && m_bytes.sliced(index, prefix.size()) == prefix;
    }

private:
    QByteArrayView m_bytes;
};

bool parseFrame(const Reader &in, qsizetype start, qsizetype length, JpegInfo &info)
{
    // precision(1) height(2) width(2) count(1), then id(1) sampling(1) table(1) per component
    if (length < 6)
        return false;
    const int count = in.at(start + 5);
    if (count == 0 || length < 6 + 3 * qsizetype(count))
        return false;
    info.height = in.word(start + 1);
    info.width = in.word(start + 3);
    info.components.clear();
    for (int i = 0; i < count; ++i) {
        const qsizetype at = start + 6 + 3 * qsizetype(i);
        const quint8 sampling = in.at(at + 1);
        info.components.append({in.at(at), sampling >> 4, sampling & 0x0F});
    }
    return true;
}

// Index of the marker that ends the entropy-coded data starting at `from`, or -1 if the data
// runs to the end of the bytes (a cut-off file).
qsizetype endOfScan(const Reader &in, qsizetype from)
{
    for (qsizetype i = from; i + 1 < in.size(); ++i) {
        if (in.at(i) != kMarkerPrefix)
            continue;
        const quint8 next = in.at(i + 1);
        // A stuffed zero is a data byte, restart markers sit inside the scan, and 0xFF runs are
        // fill before whatever comes next.
        if (next == 0x00 || isRestart(next))
            ++i;
        else if (next != kMarkerPrefix)
            return i;
    }
    return -1;
}

} // namespace

bool JpegInfo::isChroma420() const
{
    if (components.size() != 3)
        return false;
    const auto sampledAs = [](const Component &component, int h, int v) {
        return component.horizontalSampling == h && component.verticalSampling == v;
    };
    return sampledAs(components.at(0), 2, 2) && sampledAs(components.at(1), 1, 1) &&
           sampledAs(components.at(2), 1, 1);
}

JpegInfo JpegInfo::parse(QByteArrayView bytes)
{
    const Reader in(bytes);
    JpegInfo info;
    if (!in.has(0, 2) || in.at(0) != kMarkerPrefix || in.at(1) != kSoi)
        return {};

    bool sawFrame = false;
    bool sawScan = false;
    qsizetype pos = 2;
    while (true) {
        if (!in.has(pos, 2) || in.at(pos) != kMarkerPrefix)
            return {};
        while (in.has(pos, 1) && in.at(pos) == kMarkerPrefix)
            ++pos;
        if (!in.has(pos, 1))
            return {};
        const quint8 marker = in.at(pos++);

        if (marker == kEoi) {
            if (!sawFrame || !sawScan)
                return {};
            info.valid = true;
            info.trailingBytes = in.size() - pos;
            return info;
        }
        if (marker == kSoi || marker == 0x00)
            return {};
        if (marker == kTem || isRestart(marker))
            continue; // no length field

        if (!in.has(pos, 2))
            return {};
        const int length = in.word(pos); // counts its own two bytes
        if (length < 2 || !in.has(pos, length))
            return {};
        const qsizetype body = pos + 2;
        const qsizetype bodyLength = length - 2;

        if (isFrameHeader(marker)) {
            // Only the first frame counts: a second one (hierarchical files) describes
            // differential frames, not the picture.
            if (!sawFrame) {
                if (!parseFrame(in, body, bodyLength, info))
                    return {};
                info.coding = marker == kSof0   ? Coding::Baseline
                              : marker == kSof2 ? Coding::Progressive
                                                : Coding::Other;
                sawFrame = true;
            }
        } else if (marker == kApp1) {
            ++info.metadataSegments;
            if (in.startsWith(body, QByteArrayView("Exif\0", 5)))
                info.exif = true;
        } else if ((marker > kApp0 && marker <= kApp15) || marker == kCom) {
            ++info.metadataSegments;
        }

        pos += length;
        if (marker == kSos) {
            if (!sawFrame)
                return {};
            sawScan = true;
            pos = endOfScan(in, pos);
            if (pos < 0)
                return {};
        }
    }
}

} // namespace cis

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include <QByteArrayView>
#include <QList>

namespace cis {

// What a JPEG's markers say about it, read without decoding a pixel. Access terminals refuse
// face pictures that are not baseline 4:2:0, carry bytes after EOI, or are cut short
// (docs isapi-events-credentials.md §3.4), so the encoder checks its own output with this, and
// the loader uses it to tell a truncated file from a whole one. Meant for untrusted bytes:
// anything that is not a well-formed marker sequence gives an info with valid == false.
struct JpegInfo
{
    enum class Coding
    {
        None,        // no frame header was found
        Baseline,    // SOF0: what the terminals model faces from
        Progressive, // SOF2
        Other,       // extended sequential, lossless, hierarchical, arithmetic
    };

    struct Component
    {
        int id = 0;
        int horizontalSampling = 0;
        int verticalSampling = 0;
    };

    // SOI at the start, a frame and a scan, and EOI reached by walking the segments.
    bool valid = false;
    // Bytes after EOI; only meaningful when valid.
    qsizetype trailingBytes = 0;
    Coding coding = Coding::None;
    int width = 0;
    int height = 0;
    QList<Component> components;
    // An APP1 segment that starts with the Exif signature.
    bool exif = false;
    // APP1..APP15 and COM segments: EXIF, XMP, ICC profiles, comments. APP0 (JFIF) is not
    // counted because it only states the pixel density.
    int metadataSegments = 0;

    bool isBaseline() const { return coding == Coding::Baseline; }
    // Y sampled 2x2 and both chroma components 1x1: the 4:2:0 the terminals require.
    bool isChroma420() const;
    bool hasExif() const { return exif; }

    static JpegInfo parse(QByteArrayView bytes);
};

} // namespace cis

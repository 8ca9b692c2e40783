namespace StreamRisk.Core.Ingest;

/// <summary>What the first bytes of an input file say about its encoding.</summary>
/// <param name="BomLength">Bytes of a UTF-8 byte-order mark to skip (0 or 3).</param>
/// <param name="Unsupported">The name of an encoding other than UTF-8 (e.g. <c>UTF-16LE</c>), or null.</param>
/// <param name="Evidence">How it was recognised, for the message.</param>
public readonly record struct SniffedEncoding(int BomLength, string? Unsupported, string? Evidence = null);

/// <summary>
/// Recognises the encodings an input file is likely to be saved in by mistake (UTF-16 and UTF-32, from Windows tools
/// and spreadsheet exports), so the whole file becomes one dead letter instead of one per line, and skips a UTF-8
/// byte-order mark, which would otherwise spoil the first record.
/// </summary>
public static class TextEncodingSniffer
{
    /// <summary>How many leading bytes the NUL-pattern test looks at: a JSON record starts with ASCII (<c>{"doc_id"</c>).</summary>
    private const int Window = 32;

    public static SniffedEncoding Detect(ReadOnlySpan<byte> head)
    {
        // UTF-32 marks first: the UTF-32LE mark begins with the UTF-16LE one.
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00])) return Bom("UTF-32LE", "FF FE 00 00");
        if (head.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF])) return Bom("UTF-32BE", "00 00 FE FF");
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Bom("UTF-16LE", "FF FE");
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Bom("UTF-16BE", "FE FF");
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return new SniffedEncoding(3, null);
        var window = head[..(Math.Min(head.Length, Window) & ~3)];
        if (window.Length < 4) return default;
        if (ZeroWhere(window, i => i % 4 != 0) && !ZeroWhere(window, i => i % 4 == 0)) return NoBom("UTF-32LE");
        if (ZeroWhere(window, i => i % 4 != 3) && !ZeroWhere(window, i => i % 4 == 3)) return NoBom("UTF-32BE");
        if (ZeroWhere(window, i => i % 2 == 1) && !ZeroWhere(window, i => i % 2 == 0)) return NoBom("UTF-16LE");
        if (ZeroWhere(window, i => i % 2 == 0) && !ZeroWhere(window, i => i % 2 == 1)) return NoBom("UTF-16BE");
        return default;
    }

    /// <summary>The dead letter's reason for a file in <paramref name="encoding"/>.</summary>
    public static string Advice(string fileName, SniffedEncoding encoding) =>
        $"'{fileName}' is {encoding.Unsupported} ({encoding.Evidence}); StreamRisk reads UTF-8 only: convert the file to UTF-8 "
        + $"(e.g. iconv -f {encoding.Unsupported} -t UTF-8) and give it again";

    private static SniffedEncoding Bom(string name, string bytes) => new(0, name, $"byte-order mark {bytes}");

    private static SniffedEncoding NoBom(string name) => new(0, name, "no byte-order mark; NUL bytes in the pattern of its first characters");

    /// <summary>True when every byte at a position <paramref name="at"/> selects is 0.</summary>
    private static bool ZeroWhere(ReadOnlySpan<byte> window, Func<int, bool> at)
    {
        for (var i = 0; i < window.Length; i++)
        {
            if (at(i) && window[i] != 0) return false;
        }
        return true;
    }
}

using System.Text;

namespace StreamRisk.Core.Ingest;

/// <summary>
/// An input the file reader refused before it became a record (a line over <see cref="InputLimits.MaxRecordBytes"/>, a
/// file in UTF-16): it travels to its topic as a marked message holding the reason and a sample of the bytes, so the
/// stage that owns the topic dead-letters it like any bad record, and a replay of the stored raw inputs does it again.
/// </summary>
/// <remarks>The mark starts with a NUL byte, which no JSON text can start with, so no valid record is ever mistaken
/// for one; a producer that forges one only gets its message dead-lettered, as it would be anyway.</remarks>
public static class RefusedInput
{
    private static readonly byte[] Mark = "\0streamrisk-refused-input\0"u8.ToArray();

    public static byte[] Encode(string code, string reason, ReadOnlySpan<byte> sample)
    {
        var text = Encoding.UTF8.GetBytes(code + "\0" + reason.Replace('\0', ' ') + "\0");
        var bytes = new byte[Mark.Length + text.Length + sample.Length];
        Mark.CopyTo(bytes, 0);
        text.CopyTo(bytes, Mark.Length);
        sample.CopyTo(bytes.AsSpan(Mark.Length + text.Length));
        return bytes;
    }

    /// <summary>The rejection and the sample of the original bytes, when <paramref name="value"/> is a marked message.</summary>
    public static bool TryDecode(byte[] value, out Rejection rejection, out byte[] sample)
    {
        rejection = default!;
        sample = [];
        if (!value.AsSpan().StartsWith(Mark)) return false;
        var rest = value.AsSpan(Mark.Length);
        var codeEnd = rest.IndexOf((byte)0);
        if (codeEnd < 0) return false;
        var reasonEnd = rest[(codeEnd + 1)..].IndexOf((byte)0);
        if (reasonEnd < 0) return false;
        var code = Encoding.UTF8.GetString(rest[..codeEnd]);
        if (code is not (Rejection.Oversize or Rejection.UnsupportedEncoding)) return false; // only what the reader sends
        rejection = new Rejection(code, Encoding.UTF8.GetString(rest.Slice(codeEnd + 1, reasonEnd)));
        sample = rest[(codeEnd + 1 + reasonEnd + 1)..].ToArray();
        return true;
    }
}

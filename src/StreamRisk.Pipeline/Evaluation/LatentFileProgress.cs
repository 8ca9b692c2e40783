using System.Globalization;
using System.Text;

namespace StreamRisk.Pipeline.Evaluation;

/// <summary>
/// Reads how far a running <see cref="StreamRisk.Infrastructure.Simulation.SimulationWriter"/> has got from the day on
/// the last complete line of truth/latent.csv. The writer has no progress callback and writes through large buffers,
/// so this is coarse (one step per flushed megabyte), but it needs nothing from the writer and costs one small read.
/// </summary>
public static class LatentFileProgress
{
    private const int TailBytes = 512;

    /// <summary>The last day written, or null when no complete data line is on disk yet.</summary>
    public static DateOnly? LastDay(string latentCsvPath)
    {
        byte[] tail;
        try
        {
            using var file = new FileStream(latentCsvPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var length = file.Length;
            var take = (int)Math.Min(TailBytes, length);
            if (take == 0) return null;
            file.Seek(length - take, SeekOrigin.Begin);
            tail = new byte[take];
            file.ReadExactly(tail);
        }
        catch (IOException)
        {
            return null;
        }
        return LastDayIn(tail);
    }

    /// <summary>The day field of the last newline-terminated line in a tail of latent.csv (a partial last line is skipped).</summary>
    public static DateOnly? LastDayIn(ReadOnlySpan<byte> tail)
    {
        var end = tail.LastIndexOf((byte)'\n');
        if (end < 0) return null;
        var start = tail[..end].LastIndexOf((byte)'\n') + 1;
        var line = Encoding.UTF8.GetString(tail[start..end]);
        var parts = line.Split(',');
        if (parts.Length != 3) return null;
        return DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
    }
}

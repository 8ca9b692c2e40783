using System.Globalization;

namespace StreamRisk.Pipeline.Evaluation;

/// <summary>The process's peak resident memory as the kernel counts it (VmHWM), the figure a memory budget is about.</summary>
public static class ProcessPeakMemory
{
    /// <summary>Bytes, or null where /proc/self/status is not available.</summary>
    public static long? Read()
    {
        const string Path = "/proc/self/status";
        if (!File.Exists(Path)) return null;
        foreach (var line in File.ReadLines(Path))
        {
            if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
            var value = line.AsSpan(6).Trim();
            if (value.EndsWith("kB", StringComparison.Ordinal)) value = value[..^2].TrimEnd();
            return long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb) ? kb * 1024 : null;
        }
        return null;
    }
}

using StreamRisk.Core.Ingest;

namespace StreamRisk.Pipeline.Running;

/// <summary>
/// Follows input files and folders as they grow (<c>streamrisk live</c>, <c>run --follow</c>): each poll returns the
/// complete lines appended to the JSON-lines files since the last one, and the records of files that appeared since
/// (a .json file is read once, whole, when first seen). Market data files come before news, as in a batch run.
/// </summary>
public sealed class InputFollower(IReadOnlyList<string> paths)
{
    private readonly Dictionary<string, (long Position, long Lines)> _files = new(StringComparer.Ordinal);
    private readonly HashSet<string> _done = new(StringComparer.Ordinal);

    /// <summary>Records that arrived since the last poll; empty when nothing did.</summary>
    public IReadOnlyList<InputRecord> Poll()
    {
        var records = new List<InputRecord>();
        foreach (var file in CurrentFiles())
        {
            if (_done.Contains(file))
            {
                continue;
            }
            if (file.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                records.AddRange(InputReader.Read(file));
                _done.Add(file);
                continue;
            }
            var (position, lines) = _files.GetValueOrDefault(file);
            var appended = InputReader.ReadAppended(file, ref position, ref lines);
            _files[file] = (position, lines);
            records.AddRange(appended);
            // A file refused for its encoding says so once; following it would only repeat the refusal.
            if (appended.Any(r => RefusedInput.TryDecode(r.Value, out var rejection, out _) && rejection.Code == Rejection.UnsupportedEncoding))
            {
                _done.Add(file);
            }
        }
        return records;
    }

    private IEnumerable<string> CurrentFiles()
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                // A folder may still be empty: the simulator has not written its first file yet.
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                    .Select(Path.GetFullPath));
            }
            else if (File.Exists(path))
            {
                files.AddRange(InputReader.ResolveFiles(path));
            }
            // A file that does not exist yet is looked for again at the next poll (a writer may not have created it).
        }
        return files.Distinct(StringComparer.Ordinal)
            .OrderBy(f => InputFeeder.TopicForFile(f) == StreamRisk.Core.Events.Topics.NewsRaw)
            .ThenBy(f => f, StringComparer.Ordinal);
    }
}

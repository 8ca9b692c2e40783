using System.Text.Json;
using StreamRisk.Nlp.Training.Data;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Cli.Commands.Training;

/// <summary>Writes <c>eval sentiment --predictions</c>: one JSON line per scored row.</summary>
internal sealed class PredictionWriter : IDisposable
{
    private readonly StreamWriter _writer;

    public PredictionWriter(string path)
    {
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } dir) Directory.CreateDirectory(dir);
            _writer = new StreamWriter(path, append: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"--predictions {path}: cannot write it ({e.Message}); choose a writable path");
        }
    }

    public void Write(string file, IReadOnlyList<LabelledText> rows, IReadOnlyList<double[]> probabilities)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            var p = probabilities[i];
            var predicted = Array.IndexOf(p, p.Max());
            _writer.WriteLine(JsonSerializer.Serialize(new
            {
                file,
                line = rows[i].Line,
                text = rows[i].Text,
                issuer = rows[i].Issuer,
                label = SentimentClasses.Names[rows[i].Label],
                predicted = SentimentClasses.Names[predicted],
                p_negative = Math.Round(p[0], 4),
                p_neutral = Math.Round(p[1], 4),
                p_positive = Math.Round(p[2], 4),
                right = predicted == rows[i].Label,
            }));
        }
    }

    public void Dispose() => _writer.Dispose();
}

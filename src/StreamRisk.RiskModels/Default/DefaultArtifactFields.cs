using System.Globalization;
using StreamRisk.RiskModels.Artifacts;

namespace StreamRisk.RiskModels.Default;

/// <summary>The manifest fields every default-class artifact shares (kind, outputs, chapters, 0/1 switches), read and
/// written in one place so that each kind's loader refuses a bad artifact with the same messages.</summary>
public static class DefaultArtifactFields
{
    public const string ChapterExtraPrefix = "chapter:";
    public static readonly IReadOnlyList<string> Outputs = ["performing", "extended", "defaulted"];

    public static void CheckKindAndOutputs(ModelArtifact artifact, string kind)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        var m = artifact.Manifest;
        var where = artifact.ManifestPath;
        if (!string.Equals(m.ModelKind, kind, StringComparison.Ordinal))
            throw new ModelArtifactException($"{where}: field 'model_kind' is '{m.ModelKind}', expected '{kind}' (wrong artifact for this default-class model)");
        if (!m.Outputs.Names.SequenceEqual(Outputs, StringComparer.Ordinal))
            throw new ModelArtifactException($"{where}: field 'outputs.names' is [{string.Join(", ", m.Outputs.Names)}], expected [{string.Join(", ", Outputs)}]");
    }

    /// <summary>The chapter names in the model's order, from <c>hyperparameters.chapters</c> and the <c>extras</c>
    /// entries <c>chapter:NAME: [index]</c>.</summary>
    public static IReadOnlyList<string> Chapters(ModelArtifact artifact)
    {
        var where = artifact.ManifestPath;
        var chapterCount = artifact.IntHyperparameter("chapters");
        var chapters = new string[chapterCount];
        foreach (var (key, value) in artifact.Manifest.Extras)
        {
            if (!key.StartsWith(ChapterExtraPrefix, StringComparison.Ordinal)) continue;
            if (value.Length != 1 || value[0] < 0 || value[0] >= chapterCount || value[0] != Math.Floor(value[0]) || chapters[(int)value[0]] is not null)
                throw new ModelArtifactException($"{where}: field 'extras.{key}' must hold one distinct chapter index below hyperparameters.chapters ({chapterCount})");
            chapters[(int)value[0]] = key[ChapterExtraPrefix.Length..];
        }
        for (var i = 0; i < chapterCount; i++)
        {
            if (chapters[i] is null) throw new ModelArtifactException($"{where}: field 'extras' names no chapter with index {i} ('{ChapterExtraPrefix}NAME': [{i}])");
        }
        return chapters;
    }

    /// <summary>The <c>extras</c> entries that <see cref="Chapters"/> reads back.</summary>
    public static void WriteChapters(IDictionary<string, double[]> extras, IReadOnlyList<string> chapters)
    {
        for (var c = 0; c < chapters.Count; c++) extras[ChapterExtraPrefix + chapters[c]] = [c];
    }

    public static bool Flag(ModelArtifact artifact, string name)
    {
        var v = artifact.IntHyperparameter(name);
        if (v > 1) throw new ModelArtifactException($"{artifact.ManifestPath}: field 'hyperparameters.{name}' must be 0 or 1 (got {v.ToString(CultureInfo.InvariantCulture)})");
        return v == 1;
    }
}

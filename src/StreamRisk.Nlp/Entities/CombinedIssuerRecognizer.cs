using StreamRisk.Core.Events;
using StreamRisk.Core.Text;

namespace StreamRisk.Nlp.Entities;

/// <summary>Combines two recognisers (typically the ONNX NER model and the gazetteer). Overlaps are resolved as the
/// contract says: the longest mention wins; on equal length the more similar, then the model's.</summary>
public sealed class CombinedIssuerRecognizer(IIssuerRecognizer model, IIssuerRecognizer other, RecognizerCombination combination) : IIssuerRecognizer
{
    public IReadOnlyList<IssuerMention> Recognize(string text)
    {
        switch (combination)
        {
            case RecognizerCombination.ModelOnly: return model.Recognize(text);
            case RecognizerCombination.OtherOnly: return other.Recognize(text);
        }
        var fromModel = model.Recognize(text);
        var fromOther = other.Recognize(text);
        var all = new List<(IssuerMention Mention, int Source)>(fromModel.Count + fromOther.Count);
        foreach (var m in fromModel) all.Add((m, 0));
        foreach (var m in fromOther) all.Add((m, 1));
        // Best first, then keep each mention that overlaps none kept so far.
        all.Sort(static (a, b) =>
        {
            var byLength = (b.Mention.End - b.Mention.Start).CompareTo(a.Mention.End - a.Mention.Start);
            if (byLength != 0) return byLength;
            var bySimilarity = b.Mention.Similarity.CompareTo(a.Mention.Similarity);
            if (bySimilarity != 0) return bySimilarity;
            return a.Source != b.Source ? a.Source.CompareTo(b.Source) : a.Mention.Start.CompareTo(b.Mention.Start);
        });
        var kept = new List<IssuerMention>(all.Count);
        foreach (var (m, _) in all)
        {
            var overlaps = false;
            foreach (var k in kept)
            {
                if (m.Start < k.End && k.Start < m.End)
                {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) kept.Add(m);
        }
        kept.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        return kept;
    }
}

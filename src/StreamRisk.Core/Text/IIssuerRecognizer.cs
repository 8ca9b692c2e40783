using StreamRisk.Core.Events;

namespace StreamRisk.Core.Text;

/// <summary>Finds the issuers a text names (NER + entity linking). Offsets are UTF-16 positions in <c>text</c>.</summary>
public interface IIssuerRecognizer
{
    /// <summary>Mentions in text order; overlapping candidates are resolved to the longest match.</summary>
    IReadOnlyList<IssuerMention> Recognize(string text);
}

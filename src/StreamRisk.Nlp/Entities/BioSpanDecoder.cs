using StreamRisk.Nlp.Tokenization;

namespace StreamRisk.Nlp.Entities;

/// <summary>Turns per-token BIO labels into character spans. A word's first WordPiece decides its label (the
/// '##' pieces after it follow it), as token-classification models are trained; an I- label that does not continue
/// an entity of its type starts one (models emit those, and dropping the entity would lose a real name).
/// BIOES/BILOU labels are read too: S-/U- as B-, E-/L- as I-.</summary>
public static class BioSpanDecoder
{
    public static List<EntitySpan> Decode(TokenizedText tokens, ReadOnlySpan<int> labelIds, IReadOnlyList<string> labels, IReadOnlySet<string> entityTypes)
    {
        var spans = new List<EntitySpan>();
        string? openType = null;
        int openStart = 0, openEnd = 0;
        var wordInEntity = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens.IsContinuation[i] && i > 0)
            {
                if (wordInEntity) openEnd = tokens.Ends[i];
                continue;
            }
            var (prefix, type) = Split(labels[labelIds[i]]);
            if (type is null || !entityTypes.Contains(type))
            {
                Close();
                wordInEntity = false;
                continue;
            }
            if (prefix is 'I' or 'E' or 'L' && openType == type)
            {
                openEnd = tokens.Ends[i];
            }
            else
            {
                Close();
                openType = type;
                openStart = tokens.Starts[i];
                openEnd = tokens.Ends[i];
            }
            wordInEntity = true;
        }
        Close();
        return spans;

        void Close()
        {
            if (openType is not null) spans.Add(new EntitySpan(openStart, openEnd, openType));
            openType = null;
        }
    }

    private static (char Prefix, string? Type) Split(string label)
    {
        if (label.Length > 2 && label[1] is '-' or '_' && label[0] is 'B' or 'I' or 'E' or 'S' or 'L' or 'U')
            return (label[0], label[2..]);
        return ('O', null);
    }
}

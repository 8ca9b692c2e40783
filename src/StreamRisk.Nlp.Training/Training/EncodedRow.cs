using StreamRisk.Core.Events;
using StreamRisk.Core.Sentiment;
using StreamRisk.Nlp.Sentiment;
using StreamRisk.Nlp.Tokenization;
using StreamRisk.Nlp.Training.Data;

namespace StreamRisk.Nlp.Training.Training;

/// <summary>One model input row with its label: BERT ids with [CLS]/[SEP] and the aspect positions.</summary>
public sealed record EncodedRow(int[] Ids, IReadOnlyList<TokenRange> Aspects, int Label, int Example);

public static class RowEncoder
{
    /// <summary>The rows the serving path would build for these texts (<see cref="AspectRowPlanner"/>), labelled.</summary>
    public static List<EncodedRow> Encode(WordPieceTextEncoder tokenizer, IReadOnlyList<LabelledText> texts, int maxLength)
    {
        var rows = AspectRowPlanner.Plan(tokenizer, Requests(texts), maxLength);
        var encoded = new List<EncodedRow>(rows.Count);
        foreach (var row in rows)
        {
            var ids = new int[row.Length];
            ids[0] = tokenizer.ClassificationId;
            row.TextIds.CopyTo(ids.AsSpan(1));
            ids[^1] = tokenizer.SeparatorId;
            encoded.Add(new EncodedRow(ids, row.RowAspects, texts[row.Request].Label, row.Request));
        }
        return encoded;
    }

    /// <summary>The labelled texts as scoring requests (issuer mentions as character spans; none for sentence labels).</summary>
    public static List<AspectRequest> Requests(IReadOnlyList<LabelledText> texts) =>
        texts.Select(t => new AspectRequest(t.Text, t.Issuer ?? "",
            t.Mentions.Select(m => new IssuerMention(t.Issuer ?? "", t.Text[m.Start..m.End], m.Start, m.End, "label", 1.0)).ToList())).ToList();
}

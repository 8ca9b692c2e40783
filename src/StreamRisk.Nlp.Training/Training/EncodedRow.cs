using StreamRisk.Core.Events;
using StreamRisk.Core.Sentiment;
using StreamRisk.Nlp.Sentiment;
using StreamRisk.Nlp.Tokenization;
using StreamRisk.Nlp.Training.Data;

namespace StreamRisk.Nlp.Training.Training;

/// <summary>One model input row with its label: BERT ids with [CLS]/[SEP] and the aspect positions.</summary>
/// <param name="LexiconEvidence">The word-list evidence features of the row's text and issuer, when the model reads them.</param>
/// <param name="Target">Probabilities (negative, neutral, positive) the model is also fitted to, when it is distilled
/// from teachers.</param>
public sealed record EncodedRow(int[] Ids, IReadOnlyList<TokenRange> Aspects, int Label, int Example, float[]? LexiconEvidence = null,
    float[]? Target = null);

public static class RowEncoder
{
    /// <summary>The rows the serving path would build for these texts (<see cref="AspectRowPlanner"/>), labelled.</summary>
    /// <param name="lexiconEvidence">Also compute the word-list evidence features, as <c>OnnxAbsaModel</c> does for a
    /// graph with the <c>lexicon_evidence</c> input (on the same, already cut, texts).</param>
    /// <param name="mask">Hide issuer names as <c>OnnxAbsaModel</c> does for a model with <c>mention_masking: issuers</c>;
    /// the texts' <see cref="LabelledText.OtherIssuers"/> must be filled (<see cref="WithOtherIssuers"/>).</param>
    public static List<EncodedRow> Encode(WordPieceTextEncoder tokenizer, IReadOnlyList<LabelledText> texts, int maxLength, bool lexiconEvidence = false,
        IssuerNameMask? mask = null)
    {
        var requests = Requests(texts);
        var evidence = lexiconEvidence ? new LexiconFirmSentimentModel().Evidence(requests) : null;
        var rows = AspectRowPlanner.Plan(tokenizer, requests, maxLength, mask, mask is null ? null : texts.Select(t => t.OtherIssuers).ToList());
        var encoded = new List<EncodedRow>(rows.Count);
        foreach (var row in rows)
        {
            var ids = new int[row.Length];
            ids[0] = tokenizer.ClassificationId;
            row.TextIds.CopyTo(ids.AsSpan(1));
            ids[^1] = tokenizer.SeparatorId;
            float[]? features = null;
            if (evidence is not null)
            {
                features = new float[LexiconEvidenceFeatures.Count];
                LexiconEvidenceFeatures.Write(evidence[row.Request], features);
            }
            encoded.Add(new EncodedRow(ids, row.RowAspects, texts[row.Request].Label, row.Request, features));
        }
        return encoded;
    }

    /// <summary>Every row with the names of the other issuers labelled on its text (<see cref="IssuerNameMask.OtherNames"/>,
    /// as serving finds them among the requests of one text). Run it before the texts are cut to their issuers' clauses.</summary>
    public static IReadOnlyList<LabelledText> WithOtherIssuers(IReadOnlyList<LabelledText> texts)
    {
        var others = IssuerNameMask.OtherNames(Requests(texts));
        return texts.Select((t, i) => t with { OtherIssuers = others[i] }).ToList();
    }

    /// <summary>Issuer-level rows cut to their issuer's clauses, as a model with aspect scope <c>clauses</c> is served
    /// (<see cref="IssuerClauseScope"/>); a text's issuers are those of all its rows. Sentence-level rows stay as they are.</summary>
    public static IReadOnlyList<LabelledText> CutToIssuerClauses(IReadOnlyList<LabelledText> texts)
    {
        var cut = IssuerClauseScope.CutAll(Requests(texts));
        var result = new LabelledText[texts.Count];
        for (var i = 0; i < texts.Count; i++)
            result[i] = ReferenceEquals(cut[i].Text, texts[i].Text)
                ? texts[i]
                : texts[i] with { Text = cut[i].Text, Mentions = cut[i].Mentions.Select(m => new MentionSpan(m.Start, m.End)).ToList() };
        return result;
    }

    /// <summary>The labelled texts as scoring requests (issuer mentions as character spans; none for sentence labels).</summary>
    public static List<AspectRequest> Requests(IReadOnlyList<LabelledText> texts) =>
        texts.Select(t => new AspectRequest(t.Text, t.Issuer ?? "",
            t.Mentions.Select(m => new IssuerMention(t.Issuer ?? "", t.Text[m.Start..m.End], m.Start, m.End, "label", 1.0)).ToList())).ToList();
}

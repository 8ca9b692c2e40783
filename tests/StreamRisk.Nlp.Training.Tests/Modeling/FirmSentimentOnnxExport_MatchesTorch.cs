using System.Text.Json.Nodes;
using StreamRisk.Core.Events;
using StreamRisk.Core.Sentiment;
using StreamRisk.Nlp.Sentiment;
using StreamRisk.Nlp.Tokenization;
using StreamRisk.Nlp.Training.Data;
using StreamRisk.Nlp.Training.Modeling;
using StreamRisk.Nlp.Training.Training;
using StreamRisk.Tests.Shared;
using TorchSharp;

namespace StreamRisk.Nlp.Training.Tests.Modeling;

/// <summary>The exported graph, loaded through the manifest loader and served by OnnxAbsaModel, gives the probabilities
/// of TorchSharp's forward pass (with the temperature) on the rows training builds (names masked, texts cut to their
/// issuers' clauses, as the manifest says), whatever the padding of the batch.</summary>
public sealed class FirmSentimentOnnxExport_MatchesTorch : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sr-export-" + Guid.NewGuid().ToString("N"));

    public static string Vocab => RepositoryRoot.Of("data", "models", "firm-sentiment", "vocab.txt");

    [Theory]
    [InlineData(false, MentionMasking.None, AspectScope.Text)]
    [InlineData(true, MentionMasking.None, AspectScope.Text)]
    [InlineData(false, MentionMasking.Issuers, AspectScope.Text)]
    [InlineData(false, MentionMasking.Issuers, AspectScope.Clauses)]
    public void Served_probabilities_equal_torch_forward(bool lexiconFeatures, MentionMasking masking, AspectScope scope)
    {
        torch.manual_seed(11);
        var vocabulary = RandomVocabulary(50, seed: 5);
        var net = RandomNet(new FirmSentimentNetShape(50, EmbeddingSize: 16, Channels: 12, HiddenSize: 8,
            LexiconFeatures: lexiconFeatures ? LexiconEvidenceFeatures.Count : 0));
        const double temperature = 1.7;
        var manifest = SentimentModelPackage.Write(_dir, [new ServedNetwork(net, 1 / temperature, vocabulary)], temperature, Vocab, "test@1", 64, new JsonObject(), scope, masking);

        string[] texts =
        [
            "Acme Corp warned of weaker margins while Beta Bank raised its dividend.",
            "Beta Bank",
            "Shares of Acme Corp rose sharply after the results, and analysts at several brokers lifted their targets on the stock; Beta Bank fell.",
            "A text about the market that names no issuer at all.",
            "Acme Corp defaulted on its bonds and was downgraded again.",
        ];
        var labelled = new List<LabelledText>();
        foreach (var t in texts)
            foreach (var issuer in new[] { "Acme Corp", "Beta Bank", null })
                if (issuer is null || t.Contains(issuer, StringComparison.Ordinal))
                    labelled.Add(new LabelledText(t, 1, issuer, issuer is null ? [] : LabelledTextReader.Occurrences(t, issuer), 0));

        using var served = OnnxAbsaModel.Load(manifest);
        var onnx = served.Score(RowEncoder.Requests(labelled));
        var tokenizer = WordPieceTextEncoder.FromVocabulary(Vocab, true, true, true);
        // What SentimentTrainer does before encoding: other issuers' names first, then the cut.
        IReadOnlyList<LabelledText> training = labelled;
        IssuerNameMask? mask = null;
        if (masking == MentionMasking.Issuers)
        {
            mask = IssuerNameMask.For(tokenizer)!;
            training = RowEncoder.WithOtherIssuers(training);
        }
        if (scope == AspectScope.Clauses) training = RowEncoder.CutToIssuerClauses(training);
        var encoded = RowEncoder.Encode(tokenizer, training, 64, lexiconFeatures, mask);
        if (mask is not null)
        {
            // Every issuer row hides its issuer; some rows (all with the whole text) also hide the other issuer.
            Assert.All(encoded.Where(r => labelled[r.Example].Issuer is not null), r => Assert.Contains(mask.IssuerId, r.Ids));
            Assert.Equal(scope == AspectScope.Text, encoded.Any(r => r.Ids.Contains(mask.IssuerId) && r.Ids.Contains(mask.OtherId)));
        }
        Assert.Equal(lexiconFeatures, File.ReadAllText(manifest).Contains("lexicon_evidence", StringComparison.Ordinal));
        if (lexiconFeatures) Assert.Contains(encoded, r => r.LexiconEvidence!.Any(v => v > 0));
        Assert.Equal(labelled.Count, encoded.Count);
        for (var i = 0; i < encoded.Count; i++)
        {
            // One row per batch in torch: no padding at all, while ONNX Runtime pads each batch to its longest row.
            var logits = SentimentTrainer.Logits(net, [encoded[i]], vocabulary, 1)[0];
            var expected = TemperatureScaling.Softmax(logits, temperature);
            Assert.Equal(expected[0], onnx[i].Negative, 1e-4);
            Assert.Equal(expected[1], onnx[i].Neutral, 1e-4);
            Assert.Equal(expected[2], onnx[i].Positive, 1e-4);
        }
        // The random weights must give varied outputs, or the comparison above proves little.
        Assert.True(onnx.Select(p => p.Positive).Distinct().Count() > labelled.Count / 2);
    }

    [Fact]
    public void An_ensemble_serves_the_mean_of_its_networks_calibrated_probabilities_each_through_its_own_vocabulary()
    {
        torch.manual_seed(12);
        // Three networks, two of them on one vocabulary: a map is written once per vocabulary, and each network reads its own.
        var (va, vb) = (RandomVocabulary(40, seed: 6), RandomVocabulary(30, seed: 7));
        var (a, b, c) = (RandomNet(new FirmSentimentNetShape(40, EmbeddingSize: 16, Channels: 12, HiddenSize: 8)),
            RandomNet(new FirmSentimentNetShape(30, EmbeddingSize: 16, Channels: 16, HiddenSize: 8)),
            RandomNet(new FirmSentimentNetShape(40, EmbeddingSize: 16, Channels: 12, HiddenSize: 8)));
        (FirmSentimentNet Net, double Scale, CompactVocabulary Vocabulary)[] members = [(a, 0.7, va), (b, 0.4, vb), (c, 1.3, va)];
        var manifest = SentimentModelPackage.Write(_dir, [.. members.Select(m => new ServedNetwork(m.Net, m.Scale, m.Vocabulary))], 1.0, Vocab,
            "ensemble@1", 64, new JsonObject(), AspectScope.Text, MentionMasking.None);
        const string pair = "Acme Corp warned of weaker margins while Beta Bank raised its dividend.";
        List<LabelledText> labelled =
        [
            new(pair, 0, "Acme Corp", LabelledTextReader.Occurrences(pair, "Acme Corp"), 0),
            new(pair, 2, "Beta Bank", LabelledTextReader.Occurrences(pair, "Beta Bank"), 1),
            new("Shares rose sharply after the results.", 2, null, [], 2),
            new("Beta Bank", 1, "Beta Bank", LabelledTextReader.Occurrences("Beta Bank", "Beta Bank"), 3),
        ];

        using var served = OnnxAbsaModel.Load(manifest);
        var onnx = served.Score(RowEncoder.Requests(labelled));
        var encoded = RowEncoder.Encode(WordPieceTextEncoder.FromVocabulary(Vocab, true, true, true), labelled, 64);

        var differsFromFirstAlone = 0;
        for (var i = 0; i < encoded.Count; i++)
        {
            var p = members.Select(m => TemperatureScaling.Softmax(SentimentTrainer.Logits(m.Net, [encoded[i]], m.Vocabulary, 1)[0], 1 / m.Scale)).ToArray();
            double[] expected = [.. Enumerable.Range(0, 3).Select(k => p.Average(q => q[k]))];
            Assert.Equal(expected[0], onnx[i].Negative, 1e-4);
            Assert.Equal(expected[1], onnx[i].Neutral, 1e-4);
            Assert.Equal(expected[2], onnx[i].Positive, 1e-4);
            if (p[0].Zip(new[] { onnx[i].Negative, onnx[i].Neutral, onnx[i].Positive }).Any(x => Math.Abs(x.First - x.Second) > 1e-3))
                differsFromFirstAlone++;
        }
        Assert.True(differsFromFirstAlone > 0, "the other networks changed nothing");
        // The second network's map is written under its prefix; the third reads the first's.
        var graph = File.ReadAllBytes(Path.Combine(_dir, SentimentModelPackage.ModelFile)).AsSpan();
        Assert.True(graph.IndexOf("m1.vocabulary_rows"u8) >= 0);
        Assert.True(graph.IndexOf("m2.vocabulary_rows"u8) < 0);
    }

    /// <summary>Every BERT id mapped to one of <paramref name="count"/> rows at random.</summary>
    private static CompactVocabulary RandomVocabulary(int count, int seed)
    {
        var random = new Random(seed);
        var rows = new long[File.ReadLines(Vocab).Count()];
        for (var i = 0; i < rows.Length; i++) rows[i] = random.Next(0, count);
        return new CompactVocabulary(rows, count);
    }

    /// <summary>Weights large enough that outputs differ clearly from row to row, in evaluation mode.</summary>
    private static FirmSentimentNet RandomNet(FirmSentimentNetShape shape)
    {
        var net = new FirmSentimentNet(shape);
        using (torch.no_grad())
            foreach (var p in net.parameters()) p.normal_(0, 0.5);
        net.eval();
        return net;
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }
}

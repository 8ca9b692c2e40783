using FsCheck;
using FsCheck.Fluent;
using StreamRisk.Nlp.Training.Data;
using StreamRisk.Nlp.Training.Training;

namespace StreamRisk.Nlp.Training.Tests.Training;

public sealed class SentimentTrainer_Split
{
    [Fact]
    public void No_text_lands_on_both_sides_and_every_row_lands_once()
    {
        var gen = from texts in Gen.Choose(5, 120)
                  from pairs in Gen.ArrayOf(Gen.Choose(1, 4), texts)
                  from labels in Gen.ArrayOf(Gen.Choose(0, 2), texts * 4)
                  from seed in Gen.Choose(0, 1000)
                  select (pairs, labels, seed);
        Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var rows = new List<LabelledText>();
            for (var t = 0; t < x.pairs.Length; t++)
                for (var p = 0; p < x.pairs[t]; p++)
                    rows.Add(new LabelledText($"text {t}", x.labels[(t * 4) + p], $"issuer {p}", [], rows.Count + 1));

            var (train, validation) = SentimentTrainer.Split(rows, 0.2, new Random(x.seed));

            Assert.Equal(rows.Count, train.Count + validation.Count);
            Assert.Empty(train.Select(r => r.Text).Intersect(validation.Select(r => r.Text)));
            Assert.Equal(rows.OrderBy(r => r.Line).Select(r => r.Line), train.Concat(validation).Select(r => r.Line).Order());
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Holds_out_about_the_fraction_of_texts_of_every_label()
    {
        var rows = Enumerable.Range(0, 3000).Select(i => new LabelledText($"text {i}", i % 3, null, [], i + 1)).ToList();

        var (_, validation) = SentimentTrainer.Split(rows, 0.1, new Random(1));

        for (var label = 0; label < 3; label++)
            Assert.Equal(100, validation.Count(r => r.Label == label));
    }
}

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.Indexing;

namespace StreamRisk.Core.Tests.Indexing;

public sealed class TopDocuments_Ranking
{
    [Property(MaxTest = 300)]
    public Property HoldsTheLargestMagnitudes_WhateverTheArrivalOrder() => Prop.ForAll(
        (from offers in Gen.ListOf(Gen.Zip(Gen.Choose(0, 8).Select(i => $"doc-{i}"), Gen.Choose(-10, 10).Select(i => i / 10.0)))
         from shuffled in Gen.Shuffle(offers.ToArray())
         select (offers.ToArray(), shuffled.ToArray())).ToArbitrary(),
        s =>
        {
            var expected = s.Item1
                .GroupBy(o => o.Item1)
                .Select(g => (Doc: g.Key, Magnitude: g.Max(o => Math.Abs(o.Item2))))
                .OrderByDescending(o => o.Magnitude)
                .ThenBy(o => o.Doc, StringComparer.Ordinal)
                .Take(3)
                .Select(o => o.Doc)
                .ToArray();
            return Offer(s.Item1).SequenceEqual(expected) && Offer(s.Item2).SequenceEqual(expected);
        });

    [Fact]
    public void Ties_GoToTheSmallerDocId()
    {
        var top = new TopDocuments(2);
        top.Offer("b", -0.5);
        top.Offer("c", 0.5);
        top.Offer("a", 0.5);
        Assert.Equal(["a", "b"], top.ToArray());
    }

    private static string[] Offer((string Doc, double Score)[] offers)
    {
        var top = new TopDocuments(3);
        foreach (var (doc, score) in offers)
        {
            top.Offer(doc, score);
        }

        return top.ToArray();
    }
}

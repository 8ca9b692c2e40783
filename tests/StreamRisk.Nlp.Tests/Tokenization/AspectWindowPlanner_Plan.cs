using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Nlp.Tokenization;

namespace StreamRisk.Nlp.Tests.Tokenization;

public class AspectWindowPlanner_Plan
{
    [Property]
    public bool Every_mention_lies_whole_inside_a_window_that_fits_the_model(PositiveInt tokenCount, PositiveInt window, int[] mentionSeeds)
    {
        var count = tokenCount.Get % 2000 + 1;
        var max = window.Get % 300 + 1;
        var aspects = (mentionSeeds ?? []).Select(s =>
        {
            var first = Math.Abs(s % count);
            return new TokenRange(first, Math.Min(count, first + 1 + Math.Abs(s / 7 % 5)));
        }).ToList();

        var windows = AspectWindowPlanner.Plan(count, aspects, max);

        var fit = windows.All(w => w.Tokens.First >= 0 && w.Tokens.End <= count && w.Tokens.Length <= max);
        var covered = aspects.All(a =>
        {
            var clipped = a.Length > max ? new TokenRange(a.First, a.First + max) : a;
            return windows.Any(w => w.Aspects.Contains(clipped) && w.Tokens.First <= clipped.First && clipped.End <= w.Tokens.End);
        });
        return fit && covered && windows.All(w => w.Aspects.All(a => w.Tokens.First <= a.First && a.End <= w.Tokens.End));
    }

    [Fact]
    public void A_text_that_fits_is_one_window_with_all_its_mentions()
    {
        var windows = AspectWindowPlanner.Plan(50, [new TokenRange(40, 42), new TokenRange(3, 5)], 126);

        var only = Assert.Single(windows);
        Assert.Equal(new TokenRange(0, 50), only.Tokens);
        Assert.Equal([new TokenRange(3, 5), new TokenRange(40, 42)], only.Aspects);
    }

    [Fact]
    public void Mentions_far_apart_in_a_long_text_get_windows_centred_on_them()
    {
        var windows = AspectWindowPlanner.Plan(1000, [new TokenRange(10, 12), new TokenRange(600, 603)], 100);

        Assert.Equal(2, windows.Count);
        Assert.Equal(new TokenRange(0, 100), windows[0].Tokens);
        Assert.Equal(new TokenRange(551, 651), windows[1].Tokens);
    }
}

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Nlp.Runtime;

namespace StreamRisk.Nlp.Tests.Runtime;

public class Softmax_Apply
{
    [Property]
    public bool Probabilities_sum_to_one_and_keep_the_logits_order(NormalFloat a, NormalFloat b, NormalFloat c)
    {
        float[] logits = [(float)(a.Get % 80), (float)(b.Get % 80), (float)(c.Get % 80)];
        var p = new double[3];

        Softmax.Apply(logits, p);

        return Math.Abs(p.Sum() - 1) < 1e-12 && p.All(x => x >= 0)
               && (logits[0] <= logits[1]) == (p[0] <= p[1]) && (logits[1] <= logits[2]) == (p[1] <= p[2]);
    }

    [Property]
    public bool Shifting_every_logit_changes_nothing(NormalFloat a, NormalFloat b, NormalFloat shift)
    {
        float[] logits = [(float)(a.Get % 50), (float)(b.Get % 50)];
        var s = (float)(shift.Get % 1000);
        var p = new double[2];
        var q = new double[2];

        Softmax.Apply(logits, p);
        Softmax.Apply([logits[0] + s, logits[1] + s], q);

        return Math.Abs(p[0] - q[0]) < 1e-3;
    }

    [Fact]
    public void Huge_logits_do_not_overflow()
    {
        var p = new double[2];

        Softmax.Apply([1e30f, 0f], p);

        Assert.Equal(1.0, p[0]);
        Assert.Equal(0.0, p[1]);
    }
}

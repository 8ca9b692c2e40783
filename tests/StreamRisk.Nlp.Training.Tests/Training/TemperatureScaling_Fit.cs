using StreamRisk.Nlp.Training.Training;

namespace StreamRisk.Nlp.Training.Tests.Training;

public sealed class TemperatureScaling_Fit
{
    [Fact]
    public void Recovers_the_temperature_that_generated_the_labels()
    {
        // Labels drawn from softmax(z / 2): the NLL-optimal temperature for the logits z is close to 2.
        var random = new Random(3);
        var logits = new List<float[]>();
        var labels = new List<int>();
        for (var i = 0; i < 20_000; i++)
        {
            var z = new[] { (float)(random.NextDouble() * 8 - 4), (float)(random.NextDouble() * 8 - 4), (float)(random.NextDouble() * 8 - 4) };
            var p = TemperatureScaling.Softmax(z, 2.0);
            var u = random.NextDouble();
            labels.Add(u < p[0] ? 0 : u < p[0] + p[1] ? 1 : 2);
            logits.Add(z);
        }
        var t = TemperatureScaling.Fit(logits, labels);
        Assert.InRange(t, 1.85, 2.15);
        Assert.True(TemperatureScaling.Nll(logits, labels, t) <= TemperatureScaling.Nll(logits, labels, 1.0));
    }
}

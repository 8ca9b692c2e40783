using System.Text;
using StreamRisk.Pipeline.Evaluation;

namespace StreamRisk.Pipeline.Tests.Evaluation;

public sealed class LatentFileProgress_LastDay
{
    [Fact]
    public void A_half_written_last_line_is_skipped()
    {
        var tail = Encoding.UTF8.GetBytes("issuer_id,day,latent\nSIM00001,1999-03-04,0.51\nSIM00002,1999-03-05,-0.2\nSIM00003,1999-03-0");
        Assert.Equal(new DateOnly(1999, 3, 5), LatentFileProgress.LastDayIn(tail));
    }

    [Fact]
    public void Nothing_is_known_before_the_first_data_line()
    {
        Assert.Null(LatentFileProgress.LastDayIn(Encoding.UTF8.GetBytes("issuer_id,day,latent\n")));
        Assert.Null(LatentFileProgress.LastDayIn(Encoding.UTF8.GetBytes("issuer_id,da")));
        Assert.Null(LatentFileProgress.LastDay(Path.Combine(RepositoryPaths.NewTempDirectory(), "latent.csv")));
    }

    [Fact]
    public void Reads_the_day_from_the_end_of_a_file_longer_than_the_tail()
    {
        var path = Path.Combine(RepositoryPaths.NewTempDirectory(), "latent.csv");
        var text = new StringBuilder("issuer_id,day,latent\n");
        var day = new DateOnly(1999, 1, 1);
        for (var i = 0; i < 200; i++) text.Append($"SIM{i:00000},{day.AddDays(i):yyyy-MM-dd},0.{i}\n");
        File.WriteAllText(path, text.ToString());
        Assert.Equal(day.AddDays(199), LatentFileProgress.LastDay(path));
    }
}

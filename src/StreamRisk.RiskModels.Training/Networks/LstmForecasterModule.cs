using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StreamRisk.RiskModels.Training.Networks;

/// <summary>
/// A plain LSTM spread forecaster: input [batch, window, variates]; the chosen variate columns run through one LSTM
/// layer over the window, and a linear head on its last hidden state gives every horizon at once → [batch, outputs].
/// Columns left out (e.g. sentiment in the A/B) never enter the network.
/// </summary>
public sealed class LstmForecasterModule : nn.Module<Tensor, Tensor>
{
    private readonly LSTM lstm;
    private readonly Linear head;
    private readonly long[] _columns;

    public LstmForecasterModule(int variates, IReadOnlyList<int> columns, int hidden, int outputs) : base("lstm_forecaster")
    {
        if (columns.Count == 0 || columns.Any(c => c < 0 || c >= variates)) throw new ArgumentException($"columns must be in 0..{variates - 1}", nameof(columns));
        ArgumentOutOfRangeException.ThrowIfLessThan(hidden, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputs, 1);
        _columns = columns.Select(c => (long)c).ToArray();
        lstm = nn.LSTM(columns.Count, hidden, batchFirst: true);
        head = nn.Linear(hidden, outputs);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        using var columns = tensor(_columns);
        var (_, last, _) = lstm.forward(input.index_select(2, columns));
        // last: [layers, batch, hidden]; the top layer's state after the origin day.
        return head.forward(last.select(0, -1)).MoveToOuterDisposeScope();
    }
}

using System.Text.Json;
using StreamRisk.Core.Serialization;
using TorchSharp;
using static TorchSharp.torch;

namespace StreamRisk.RiskModels.Training.Training;

/// <summary>Normalised network inputs [count, window, variates] and targets [count, horizons], row-major.</summary>
internal sealed record NetworkData(float[] X, float[] Y, int Count, int Window, int Variates, int Horizons);

/// <summary>How a network's training ended: epochs run, the best (validation) epoch and loss, whether it resumed.</summary>
internal sealed record LoopOutcome(int EpochsDone, int BestEpoch, double BestLoss, bool Resumed);

/// <summary>
/// The training loop every spread network shares (iTransformer, LSTM, AttnMLP): MSE on normalised targets, Adam, early
/// stopping on the validation part, one checkpoint per epoch in <c>checkpointDirectory</c> (weights, best weights, Adam
/// state; a run started again with the same <c>key</c> continues after the last finished epoch). On return the model
/// holds its best weights. The caller seeds torch before building the model.
/// </summary>
internal static class SpreadNetworkLoop
{
    private const string CheckpointState = "checkpoint.json";
    private const string CheckpointWeights = "checkpoint.safetensors";
    private const string BestWeights = "best.safetensors";
    private const string OptimizerState = "optimizer.bin";
    private static readonly JsonSerializerOptions StateJson = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static LoopOutcome Fit(
        nn.Module<Tensor, Tensor> model, NetworkData train, NetworkData validation, long seed, SpreadTrainingOptions options,
        string checkpointDirectory, string key, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        using var optimizer = optim.Adam(model.parameters(), options.LearningRate);
        Directory.CreateDirectory(checkpointDirectory);
        var state = ReadState(checkpointDirectory, key);
        var resumed = state is not null;
        state ??= new CheckpointStateRecord(key, 0, 0, double.PositiveInfinity, 0);
        if (resumed)
        {
            TorchWeights.Import(model, Safetensors.Parse(File.ReadAllBytes(Path.Combine(checkpointDirectory, CheckpointWeights)), CheckpointWeights));
            optimizer.load_state_dict(Path.Combine(checkpointDirectory, OptimizerState));
        }

        var batches = (train.Count + options.BatchSize - 1) / options.BatchSize;
        var total = (long)options.Epochs * batches;
        var row = train.Window * train.Variates;
        var h = train.Horizons;
        for (var epoch = state.EpochsDone + 1; epoch <= options.Epochs && state.BadEpochs < options.Patience; epoch++)
        {
            model.train();
            // One permutation per epoch from (seed, epoch): a resumed run shuffles as the uninterrupted one would have.
            var order = Enumerable.Range(0, train.Count).ToArray();
            new Random(unchecked((int)(seed * 7919 + epoch))).Shuffle(order);
            var xBatch = new float[options.BatchSize * row];
            var yBatch = new float[options.BatchSize * h];
            for (var b = 0; b < batches; b++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var from = b * options.BatchSize;
                var size = Math.Min(options.BatchSize, train.Count - from);
                for (var i = 0; i < size; i++)
                {
                    Array.Copy(train.X, (long)order[from + i] * row, xBatch, (long)i * row, row);
                    Array.Copy(train.Y, (long)order[from + i] * h, yBatch, (long)i * h, h);
                }
                using var scope = NewDisposeScope();
                var x = OwnedTensor.Of(xBatch.AsSpan(0, size * row).ToArray(), size, train.Window, train.Variates);
                var y = OwnedTensor.Of(yBatch.AsSpan(0, size * h).ToArray(), size, h);
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.forward(x), y);
                loss.backward();
                optimizer.step();
                progress?.Report(new TrainingProgress((epoch - 1L) * batches + b + 1, total, $"epoch {epoch}"));
            }

            var validationLoss = Loss(model, validation);
            var improved = validationLoss < state.BestLoss;
            var weights = TorchWeights.Export(model);
            File.WriteAllBytes(Path.Combine(checkpointDirectory, CheckpointWeights), Safetensors.Serialize(weights));
            optimizer.save_state_dict(Path.Combine(checkpointDirectory, OptimizerState));
            if (improved) File.WriteAllBytes(Path.Combine(checkpointDirectory, BestWeights), Safetensors.Serialize(weights));
            state = new CheckpointStateRecord(key, epoch, improved ? epoch : state.BestEpoch, improved ? validationLoss : state.BestLoss,
                improved ? 0 : state.BadEpochs + 1);
            File.WriteAllText(Path.Combine(checkpointDirectory, CheckpointState), JsonSerializer.Serialize(state, StateJson));
        }

        TorchWeights.Import(model, Safetensors.Parse(File.ReadAllBytes(Path.Combine(checkpointDirectory, BestWeights)), BestWeights));
        return new LoopOutcome(state.EpochsDone, state.BestEpoch, state.BestLoss, resumed);
    }

    /// <summary>The network's normalised outputs [count, horizons] for <paramref name="data"/>'s inputs, in batches, without gradients.</summary>
    public static float[] Predict(nn.Module<Tensor, Tensor> model, NetworkData data)
    {
        model.eval();
        using var _ = no_grad();
        var row = data.Window * data.Variates;
        var result = new float[(long)data.Count * data.Horizons];
        const int chunk = 4096;
        for (var from = 0; from < data.Count; from += chunk)
        {
            var size = Math.Min(chunk, data.Count - from);
            using var scope = NewDisposeScope();
            var input = OwnedTensor.Of(data.X.AsSpan(from * row, size * row).ToArray(), size, data.Window, data.Variates);
            model.forward(input).data<float>().ToArray().CopyTo(result, (long)from * data.Horizons);
        }
        return result;
    }

    private static double Loss(nn.Module<Tensor, Tensor> model, NetworkData data)
    {
        if (data.Count == 0) return double.PositiveInfinity;
        var predicted = Predict(model, data);
        double sum = 0;
        for (var i = 0; i < predicted.Length; i++) sum += (predicted[i] - data.Y[i]) * (double)(predicted[i] - data.Y[i]);
        return sum / predicted.Length;
    }

    private static CheckpointStateRecord? ReadState(string directory, string key)
    {
        var path = Path.Combine(directory, CheckpointState);
        if (!File.Exists(path) || !File.Exists(Path.Combine(directory, CheckpointWeights)) || !File.Exists(Path.Combine(directory, BestWeights))
            || !File.Exists(Path.Combine(directory, OptimizerState))) return null;
        try
        {
            var state = JsonSerializer.Deserialize<CheckpointStateRecord>(File.ReadAllText(path), StateJson);
            // A checkpoint of other data, options or seed is not resumed: training starts over and replaces it.
            return state is not null && state.Key == key ? state : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record CheckpointStateRecord(string Key, int EpochsDone, int BestEpoch, double BestLoss, int BadEpochs);
}

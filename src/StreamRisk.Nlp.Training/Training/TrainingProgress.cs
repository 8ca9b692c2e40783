namespace StreamRisk.Nlp.Training.Training;

/// <summary>Reported after every batch (<see cref="ValidationMacroF1"/> is the last finished epoch's). <see cref="Model"/>
/// of <see cref="Models"/> (1-based) is the network being trained: the teachers first, when there are any, then the
/// model's network (or an ensemble's networks, in seed order).</summary>
public readonly record struct TrainingProgress(int Epoch, int MaxEpochs, long Step, long StepsPerEpoch, double Loss, double ValidationMacroF1,
    int Model = 1, int Models = 1);

/// <summary>One finished epoch.</summary>
public sealed record EpochRecord(int Epoch, double TrainLoss, double ValidationLoss, double ValidationAccuracy, double ValidationMacroF1);

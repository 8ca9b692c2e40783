using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;

namespace StreamRisk.RiskModels.Training.Default.Classifiers;

/// <summary>
/// LightGBM's multiclass objective (softmax over one tree ensemble per class) through ML.NET. One thread, so the same
/// seed gives the same trees.
/// </summary>
public sealed class LightGbmClassifier(int classCount = 3, int trees = 200, int leaves = 15, double learningRate = 0.05, int minimumRowsPerLeaf = 20)
    : MlNetClassifier(classCount)
{
    public override string Name => "lightgbm";

    protected override IEstimator<ITransformer> Trainer(MLContext context, int seed) =>
        context.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
        {
            NumberOfIterations = trees,
            NumberOfLeaves = leaves,
            LearningRate = learningRate,
            MinimumExampleCountPerLeaf = minimumRowsPerLeaf,
            UseSoftmax = true,
            Seed = seed,
            NumberOfThreads = 1,
            Silent = true,
        });
}

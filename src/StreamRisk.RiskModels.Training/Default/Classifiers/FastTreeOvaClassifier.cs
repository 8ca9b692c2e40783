using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace StreamRisk.RiskModels.Training.Default.Classifiers;

/// <summary>
/// FastTree for three classes. ML.NET's FastTree trains binary, ranking and regression models only, so this is
/// one-versus-all (<c>MulticlassClassification.Trainers.OneVersusAll</c>): one boosted binary ensemble per class, each
/// Platt-calibrated by OVA, the class probabilities renormalised to sum to 1. One thread, so the seed fixes the trees.
/// </summary>
public sealed class FastTreeOvaClassifier(int classCount = 3, int trees = 100, int leaves = 15, double learningRate = 0.1, int minimumRowsPerLeaf = 10)
    : MlNetClassifier(classCount)
{
    public override string Name => "fasttree-ova";

    protected override IEstimator<ITransformer> Trainer(MLContext context, int seed) =>
        context.MulticlassClassification.Trainers.OneVersusAll(
            context.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
            {
                NumberOfTrees = trees,
                NumberOfLeaves = leaves,
                LearningRate = learningRate,
                MinimumExampleCountPerLeaf = minimumRowsPerLeaf,
                NumberOfThreads = 1,
                Seed = seed,
            }),
            useProbabilities: true);
}

// TorchSharp's random generator is process-wide: a test that seeds it and builds a module while another test class builds
// one in parallel gets other initial weights (a resume-equals-uninterrupted test failed that way in CI). Torch tests run
// one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

// One test at a time: these runs use the real plugins, and the runner seeds torch's process-wide
// generator before each stage (module initialisation and dropout draw from it; TorchSharp's modules take
// no generator), so runs in parallel in one process would draw from each other's stream.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

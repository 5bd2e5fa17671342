// One test at a time: these runs use the real plugins, and stages seed torch's process-wide generator
// (a generator per stage is issue 14), so runs in parallel in one process would draw from each other's stream.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

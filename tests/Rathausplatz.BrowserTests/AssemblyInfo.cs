// Each test class starts its own app and Chromium; on two cores they run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

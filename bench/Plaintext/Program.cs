// The TechEmpower-style plaintext endpoint: what Kestrel on this machine can answer at most, measured in the
// same run as the app so the ratio holds whatever else the machine is doing.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.MapGet("/plaintext", () => Results.Text("Hello, World!"));
app.Run();

namespace Rathausplatz.Jobs;

public static class JobsSetup
{
    public static WebApplicationBuilder AddJobs(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(JobOptions.Section);
        builder.Services.Configure<JobOptions>(section);
        builder.Services.AddSingleton<JobSignal>();
        builder.Services.AddSingleton<JobRunner>();
        builder.Services.AddScoped<JobStore>();
        builder.Services.AddScoped<JobQueue>();
        if (section.GetValue(nameof(JobOptions.RunWorker), true))
            builder.Services.AddHostedService<JobWorker>();
        return builder;
    }

    /// <summary>Registers the handler for jobs of <paramref name="kind"/>.</summary>
    public static IServiceCollection AddJobHandler<THandler>(this IServiceCollection services, string kind)
        where THandler : class, IJobHandler =>
        services.AddKeyedScoped<IJobHandler, THandler>(kind);
}

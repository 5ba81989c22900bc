namespace Rathausplatz.Data;

public static class DataSetup
{
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new();
        builder.Services.AddSingleton(options);
        builder.Services.AddScoped<TenantContext>();

        if (options.Provider == DatabaseProvider.Postgres)
        {
            var connectionString = options.ConnectionString
                ?? throw new InvalidOperationException("Database:ConnectionString is required for PostgreSQL.");
            builder.Services.AddDbContext<AppDb, PostgresAppDb>(o => o.UseNpgsql(connectionString));
        }
        else
        {
            var connectionString = options.ConnectionString ?? SqliteConnectionString(options.DataFolder);
            builder.Services.AddDbContext<AppDb, SqliteAppDb>(o => o
                .UseSqlite(connectionString)
                .AddInterceptors(new SqlitePragmas()));
        }

        builder.Services.AddHealthChecks().AddDbContextCheck<AppDb>("database", tags: ["ready"]);
        return builder;
    }

    internal static string SqliteConnectionString(string dataFolder)
    {
        Directory.CreateDirectory(dataFolder);
        return $"Data Source={Path.Combine(dataFolder, "rathausplatz.db")};Cache=Shared;Pooling=True";
    }

    /// <summary>Applies pending migrations of whichever provider is configured, unless switched off.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services)
    {
        if (!services.GetRequiredService<DatabaseOptions>().MigrateOnStartup)
            return;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        await db.Database.MigrateAsync();
    }
}

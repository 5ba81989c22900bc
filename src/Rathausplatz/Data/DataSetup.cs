using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Rathausplatz.Data;

public static class DataSetup
{
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new();
        builder.Services.AddSingleton(options);
        builder.Services.AddScoped<TenantContext>();
        // Besides its own, each context takes the interceptors other parts register as IInterceptor
        // singletons (the public page cache evicts after saves that way).

        if (options.Provider == DatabaseProvider.Postgres)
        {
            var connectionString = PostgresConnectionString(options.ConnectionString
                ?? throw new InvalidOperationException("Database:ConnectionString is required for PostgreSQL."));
            builder.Services.AddDbContext<AppDb, PostgresAppDb>((services, o) => o.UseNpgsql(connectionString)
                .AddInterceptors(services.GetServices<IInterceptor>()));
        }
        else
        {
            var connectionString = options.ConnectionString ?? SqliteConnectionString(options.DataFolder);
            builder.Services.AddDbContext<AppDb, SqliteAppDb>((services, o) => o
                .UseSqlite(connectionString)
                .AddInterceptors(new SqlitePragmas())
                .AddInterceptors(services.GetServices<IInterceptor>()));
            builder.Services.AddHostedService(services =>
                new SqliteCheckpoints(connectionString, services.GetRequiredService<ILogger<SqliteCheckpoints>>()));
            builder.Services.AddHostedService(services =>
                new SqliteStatistics(connectionString, services.GetRequiredService<ILogger<SqliteStatistics>>()));
        }

        builder.Services.AddHealthChecks().AddDbContextCheck<AppDb>("database", tags: ["ready"]);
        return builder;
    }

    internal static string SqliteConnectionString(string dataFolder)
    {
        Directory.CreateDirectory(dataFolder);
        return $"Data Source={Path.Combine(dataFolder, "rathausplatz.db")};Cache=Shared;Pooling=True";
    }

    /// <summary>
    /// The configured connection string with PostgreSQL's JIT compilation switched off, unless its <c>Options</c> say
    /// otherwise. PostgreSQL compiles a query to machine code when its estimated cost passes <c>jit_above_cost</c>, and a
    /// LIMIT over a long index walk is estimated high although it stops early: compiling took 43 of the 54 ms of an
    /// intranet search (the rest was 10). The app's statements are all short ones of that kind.
    /// </summary>
    internal static string PostgresConnectionString(string configured)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(configured);
        if (builder.Options?.Contains("jit", StringComparison.OrdinalIgnoreCase) != true)
            builder.Options = $"{builder.Options} -c jit=off".TrimStart();
        return builder.ConnectionString;
    }

    /// <summary>Applies pending migrations of whichever provider is configured, unless switched off.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services)
    {
        if (!services.GetRequiredService<DatabaseOptions>().MigrateOnStartup)
            return;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        await db.Database.MigrateAsync();
        // Migrations switch SQLite's foreign keys off and on around table rebuilds; the app's pragmas are set once
        // per pooled native connection (SqlitePragmas), so the connections the migrations used start afresh.
        if (db.Database.GetDbConnection() is SqliteConnection sqlite)
            SqliteConnection.ClearPool(sqlite);
    }
}

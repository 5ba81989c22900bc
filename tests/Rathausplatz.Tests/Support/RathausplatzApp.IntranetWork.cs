using Microsoft.EntityFrameworkCore;
using Rathausplatz.Features.Intranet.Documents;
using Rathausplatz.Features.Intranet.Tasks;

namespace Rathausplatz.Tests.Support;

public abstract partial class RathausplatzApp
{
    /// <summary>A task written straight into the table (for matrices and filters).</summary>
    public async Task<Guid> AddTaskAsync(TestSpace space, TestUser creator, string title, TestUser? assignee = null, DateOnly? dueOn = null,
        TaskState state = TaskState.Open)
    {
        await using var scope = InOrganization(space.Organization);
        var task = new SpaceTask
        {
            SpaceId = space.Id, Title = title, AssigneeId = assignee?.Id, DueOn = dueOn, State = state,
            CreatedById = creator.Id, CreatedAt = Now, UpdatedAt = Now,
        };
        scope.Db.Add(task);
        await scope.Db.SaveChangesAsync();
        return task.Id;
    }

    /// <summary>The task as stored.</summary>
    public async Task<SpaceTask> TaskAsync(TestSpace space, Guid taskId)
    {
        await using var scope = InOrganization(space.Organization);
        return await scope.Db.Set<SpaceTask>().AsNoTracking().SingleAsync(t => t.Id == taskId && t.SpaceId == space.Id);
    }

    /// <summary>A document with one version written straight into the tables (for matrices).</summary>
    public async Task<Guid> AddDocumentAsync(TestSpace space, TestUser uploader, string title, string fileName, string contentType, byte[] bytes)
    {
        await using var scope = InOrganization(space.Organization);
        var document = new SpaceDocument { SpaceId = space.Id, Title = title, CreatedById = uploader.Id, CreatedAt = Now, UpdatedAt = Now };
        scope.Db.Add(document);
        scope.Db.Add(new DocumentVersion
        {
            DocumentId = document.Id, Number = 1, FileName = fileName, ContentType = contentType, Length = bytes.Length,
            Hash = "0000000000000000", Bytes = bytes, UploadedById = uploader.Id, UploadedAt = Now,
        });
        await scope.Db.SaveChangesAsync();
        return document.Id;
    }

    /// <summary>A comment on a document written straight into the table (for matrices; the form is tested in DocumentTests).</summary>
    public async Task<Guid> AddDocumentCommentAsync(TestSpace space, Guid documentId, TestUser author, string body)
    {
        await using var scope = InOrganization(space.Organization);
        var comment = new DocumentComment { DocumentId = documentId, AuthorId = author.Id, Body = body, CreatedAt = Now };
        scope.Db.Add(comment);
        await scope.Db.SaveChangesAsync();
        return comment.Id;
    }

    /// <summary>The documents of the space as stored, with their versions (number, file name, type, length).</summary>
    public async Task<List<(SpaceDocument Document, List<DocumentVersion> Versions)>> DocumentsAsync(TestSpace space)
    {
        await using var scope = InOrganization(space.Organization);
        var documents = await scope.Db.Set<SpaceDocument>().AsNoTracking().Where(d => d.SpaceId == space.Id).OrderBy(d => d.CreatedAt).ToListAsync();
        var ids = documents.Select(d => d.Id).ToList();
        var versions = await scope.Db.Set<DocumentVersion>().AsNoTracking().Where(v => ids.Contains(v.DocumentId)).OrderBy(v => v.Number).ToListAsync();
        return documents.Select(d => (d, versions.Where(v => v.DocumentId == d.Id).ToList())).ToList();
    }
}

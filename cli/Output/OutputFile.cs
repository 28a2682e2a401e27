namespace LazyMmuGen.Cli.Output;

/// <summary>
/// Opens the file an --out option names, or says in one line why it cannot be written: a path a user mistyped is a
/// usage error (exit 2), never an unhandled IOException with a stack trace.
/// </summary>
public static class OutputFile
{
    /// <summary>A writer on <paramref name="path"/>, or null with <paramref name="error"/> saying why not.</summary>
    /// <param name="path">The path.</param>
    /// <param name="subject">What the message names: "--out PATH" when the user gave it, else the path.</param>
    /// <param name="createNew">True to refuse a file that exists and to make its missing folders (new-arch, a scaffold,
    /// as `dotnet new -o` does); false to overwrite a file in a folder that must exist (simulate, as a shell redirect).</param>
    /// <param name="error">"--out x/a.txt: /home/me/x is a file, not a folder.", or null.</param>
    public static StreamWriter? Open(string path, string subject, bool createNew, out string? error)
    {
        error = null;
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            error = $"{subject}: is a folder; give a file's path.";
            return null;
        }
        var folder = Path.GetDirectoryName(full);
        if (folder is not null && File.Exists(folder))
        {
            error = $"{subject}: {folder} is a file, not a folder.";
            return null;
        }
        if (!createNew && folder is not null && !Directory.Exists(folder))
        {
            error = $"{subject}: the folder {folder} does not exist.";
            return null;
        }
        try
        {
            if (folder is not null) Directory.CreateDirectory(folder);
            return new StreamWriter(new FileStream(full, createNew ? FileMode.CreateNew : FileMode.Create, FileAccess.Write));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            error = createNew && File.Exists(full)
                ? $"{subject} already exists; choose another name."
                : $"{subject}: cannot be written ({e.Message})";
            return null;
        }
    }
}

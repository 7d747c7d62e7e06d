package org.inkstone.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.inkstone.batch.DigitizeJobConfig;
import org.inkstone.batch.RemotePartitioning;
import org.inkstone.store.Corrections;
import org.inkstone.store.DocumentRecord;
import org.inkstone.store.DocumentStore;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's dashboard API ({@code /api/operator/}, role {@code OPERATOR}; the page is
 * {@code /operator/}). Everything it shows about runs comes from Spring Batch's job repository
 * ({@link JobRepository}): executions with status, start, end, duration, pages done of the total,
 * pages per minute and the time left; documents and pages from the document store, with failure
 * reasons and review flags. Its actions go through Spring Batch's {@link JobOperator} (stop) or
 * start {@code inkstone run} ({@link RunProcesses}: a new run of a collection, a restart of a
 * failed or stopped one, a retry of failed pages), the same as an operator at a terminal.
 *
 * <p>Times are ISO-8601 local date-times of the machine; durations and the time left in seconds.
 */
@RestController
@RequestMapping("/api/operator")
public class DashboardController {

    private final JobRepository repository;
    private final JobOperator operator;
    private final DocumentStore store;
    private final Corrections corrections;
    private final RunProcesses runs;
    private final Path jobs;

    /**
     * @param repository  the job repository the runs record their executions in
     * @param operator    stops running executions
     * @param store       documents and pages
     * @param corrections review states
     * @param runs        starts runs
     * @param jobs        the folder of job definitions ({@code inkstone.serve.jobs}, default {@code jobs})
     */
    public DashboardController(JobRepository repository, JobOperator operator, DocumentStore store,
                               Corrections corrections, RunProcesses runs,
                               @Value("${inkstone.serve.jobs:jobs}") Path jobs) {
        this.repository = repository;
        this.operator = operator;
        this.store = store;
        this.corrections = corrections;
        this.runs = runs;
        this.jobs = jobs.toAbsolutePath().normalize();
    }

    /**
     * @param limit most executions listed (newest first)
     * @return {@code executions} (see {@link #execution}), {@code processes} (runs started here:
     *         pid, arguments, log, alive), {@code collections} (job definitions: name and file) and
     *         {@code review} (pages per review state)
     */
    @GetMapping("/status")
    public Map<String, Object> status(@RequestParam(defaultValue = "20") int limit) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> executions = new ArrayList<>();
        // a scans folder's pages are counted once, however many executions read it
        Map<String, Map<String, Integer>> folders = new HashMap<>();
        for (JobInstance instance : repository.getJobInstances(DigitizeJobConfig.JOB_NAME, 0, Math.max(1, Math.min(limit, 200)))) {
            for (JobExecution e : repository.getJobExecutions(instance)) {
                executions.add(execution(e, folders));
            }
        }
        executions.sort((a, b) -> Long.compare((Long) b.get("id"), (Long) a.get("id")));
        out.put("executions", executions.subList(0, Math.min(limit, executions.size())));
        out.put("processes", runs.launched().stream().map(r -> Map.of("pid", r.pid(), "args", r.args(),
                "log", r.log().toString(), "started", r.started().toString(), "alive", r.alive())).toList());
        out.put("collections", collections());
        Map<String, Integer> review = new LinkedHashMap<>();
        List<Integer> counts = corrections.stateCounts();
        for (int i = 0; i < Corrections.STATES.size(); i++) {
            review.put(Corrections.STATES.get(i), counts.get(i));
        }
        out.put("review", review);
        return out;
    }

    /**
     * One execution as the dashboard shows it: {@code id}, {@code run}, {@code status}
     * (STARTING, STARTED, STOPPING, STOPPED, FAILED, COMPLETED, ABANDONED, UNKNOWN),
     * {@code exitCode}, {@code exitMessage} (first line), {@code start}, {@code end},
     * {@code seconds}, {@code scans}, {@code collection}, {@code pages} (total, done, failed,
     * pending in the scans folder now), {@code ocrPages} (pages this execution read),
     * {@code pagesPerMinute}, {@code etaSeconds} (pending pages at that rate, while it runs) and
     * {@code steps} (name, status, read, write, skip; the OCR workers' partitions summed as {@code ocr}).
     */
    private Map<String, Object> execution(JobExecution e, Map<String, Map<String, Integer>> folders) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.getId());
        m.put("run", e.getJobParameters().getLong("run"));
        m.put("status", e.getStatus().toString());
        m.put("exitCode", e.getExitStatus().getExitCode());
        String desc = e.getExitStatus().getExitDescription();
        m.put("exitMessage", desc == null || desc.isBlank() ? null : desc.lines().findFirst().orElse(""));
        m.put("start", e.getStartTime() == null ? null : e.getStartTime().toString());
        m.put("end", e.getEndTime() == null ? null : e.getEndTime().toString());
        LocalDateTime until = e.getEndTime() != null ? e.getEndTime() : LocalDateTime.now();
        m.put("seconds", e.getStartTime() == null ? null : Duration.between(e.getStartTime(), until).toSeconds());
        String scans = e.getJobParameters().getString(DigitizeJobConfig.SCANS);
        String definition = e.getJobParameters().getString(DigitizeJobConfig.DEFINITION);
        m.put("scans", scans);
        m.put("collection", definition == null ? null : Path.of(definition).getFileName().toString().replaceFirst("\\.properties$", ""));
        Map<String, Integer> pages = folders.computeIfAbsent(scans == null ? "" : scans, this::pageCounts);
        m.put("pages", pages);
        long ocrPages = 0;
        LocalDateTime ocrStart = null;
        Map<String, long[]> steps = new LinkedHashMap<>();
        Map<String, String> stepStatus = new LinkedHashMap<>();
        for (StepExecution s : e.getStepExecutions()) {
            if (s.getStepName().startsWith(RemotePartitioning.WORKER_STEP)) {
                ocrPages += s.getWriteCount();
                if (s.getStartTime() != null && (ocrStart == null || s.getStartTime().isBefore(ocrStart))) {
                    ocrStart = s.getStartTime();
                }
                continue;
            }
            String name = s.getStepName();
            long[] c = steps.computeIfAbsent(name, k -> new long[3]);
            c[0] += s.getReadCount();
            c[1] += s.getWriteCount();
            c[2] += s.getSkipCount();
            stepStatus.put(name, s.getStatus().toString());
        }
        if (steps.containsKey("ocr")) {
            steps.get("ocr")[1] = ocrPages;
        }
        m.put("steps", steps.entrySet().stream().map(s -> Map.of("name", s.getKey(), "status", stepStatus.get(s.getKey()),
                "read", s.getValue()[0], "write", s.getValue()[1], "skip", s.getValue()[2])).toList());
        m.put("ocrPages", ocrPages);
        Double rate = null;
        if (ocrStart != null && ocrPages > 0) {
            LocalDateTime ocrEnd = e.getEndTime() != null ? e.getEndTime() : LocalDateTime.now();
            double minutes = Math.max(1, Duration.between(ocrStart, ocrEnd).toMillis()) / 60000.0;
            rate = Math.round(ocrPages / minutes * 10) / 10.0;
        }
        m.put("pagesPerMinute", rate);
        m.put("etaSeconds", e.getStatus().isRunning() && rate != null && rate > 0
                ? Math.round(pages.get("pending") / rate * 60) : null);
        return m;
    }

    /** @return the pages of a scans folder (blank: none): total, done, failed, pending */
    private Map<String, Integer> pageCounts(String scans) {
        int total = 0, done = 0, failed = 0;
        if (!scans.isEmpty()) {
            for (DocumentStore.PageStatus p : store.pageStatuses(Path.of(scans))) {
                total++;
                done += "DONE".equals(p.status()) ? 1 : 0;
                failed += "FAILED".equals(p.status()) ? 1 : 0;
            }
        }
        Map<String, Integer> pages = new LinkedHashMap<>();
        pages.put("total", total);
        pages.put("done", done);
        pages.put("failed", failed);
        pages.put("pending", total - done - failed);
        return pages;
    }

    private List<Map<String, String>> collections() {
        if (!Files.isDirectory(jobs)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(jobs)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".properties")).sorted()
                    .map(f -> Map.of("name", f.getFileName().toString().replaceFirst("\\.properties$", ""), "file", f.toString()))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * @param scans a scans folder (absolute, as a run recorded it)
     * @return its documents with status, reason and pages (status, reason, confidence, skew,
     *         contrast, review flag)
     */
    @GetMapping("/documents")
    public List<Map<String, Object>> documents(@RequestParam String scans) {
        Path dir = Path.of(scans);
        Map<String, List<DocumentStore.PageStatus>> pages = new LinkedHashMap<>();
        for (DocumentStore.PageStatus p : store.pageStatuses(dir)) {
            pages.computeIfAbsent(p.sourceName(), k -> new ArrayList<>()).add(p);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (DocumentRecord d : store.documentsIn(dir)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", d.sourceName());
            m.put("exportName", d.exportName());
            m.put("status", d.status());
            m.put("error", d.error());
            m.put("pages", pages.getOrDefault(d.sourceName(), List.of()));
            out.add(m);
        }
        return out;
    }

    /**
     * The body of a request to start a run.
     *
     * @param collection name of a job definition in the jobs folder
     * @param scans      the scans folder
     */
    public record StartRequest(String collection, String scans) {
    }

    /**
     * Starts a run of a collection on a scans folder.
     *
     * @return the started process (pid, arguments, log)
     * @throws ApiErrors.BadRequest for an unknown collection or a missing scans folder
     * @throws IOException          if the process cannot be started
     */
    @PostMapping("/runs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Map<String, Object> start(@RequestBody StartRequest request) throws IOException {
        Path definition = collections().stream().filter(c -> c.get("name").equals(request.collection()))
                .map(c -> Path.of(c.get("file"))).findFirst()
                .orElseThrow(() -> new ApiErrors.BadRequest("no collection " + request.collection() + " in " + jobs));
        Path scans = Path.of(request.scans() == null ? "" : request.scans()).toAbsolutePath().normalize();
        if (!Files.isDirectory(scans)) {
            throw new ApiErrors.BadRequest("scans folder " + scans + " does not exist");
        }
        return launched(runs.start(definition, scans));
    }

    /**
     * Asks a running execution to stop (Spring Batch's {@link JobOperator#stop}): it stops after the
     * page each worker is reading, and a restart goes on from there.
     *
     * @return the execution
     * @throws ApiErrors.NotFound   for an unknown execution
     * @throws ApiErrors.BadRequest if it is not running
     */
    @PostMapping("/executions/{id}/stop")
    public Map<String, Object> stop(@PathVariable long id) {
        JobExecution e = find(id);
        try {
            operator.stop(e);
        } catch (JobExecutionNotRunningException ex) {
            throw new ApiErrors.BadRequest("run " + id + " is not running (" + e.getStatus() + ")");
        }
        return execution(repository.getJobExecution(id), new HashMap<>());
    }

    /**
     * Restarts a failed or stopped execution: {@code inkstone run} on its scans folder with its
     * collection, which Spring Batch restarts where it stopped.
     *
     * @return the started process
     * @throws ApiErrors.NotFound   for an unknown execution
     * @throws ApiErrors.BadRequest if it is running or completed
     * @throws IOException          if the process cannot be started
     */
    @PostMapping("/executions/{id}/restart")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Map<String, Object> restart(@PathVariable long id) throws IOException {
        JobExecution e = find(id);
        BatchStatus s = e.getStatus();
        if (s == BatchStatus.COMPLETED || s == BatchStatus.ABANDONED || s.isRunning() && alive()) {
            throw new ApiErrors.BadRequest("run " + id + " is " + s + "; only a failed or stopped run is restarted");
        }
        return relaunch(e);
    }

    /**
     * Reads the failed pages of an execution's scans folder again: {@code inkstone run --retry-failed}.
     *
     * @return the started process
     * @throws ApiErrors.NotFound   for an unknown execution
     * @throws ApiErrors.BadRequest while a run started here is running
     * @throws IOException          if the process cannot be started
     */
    @PostMapping("/executions/{id}/retry-failed")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Map<String, Object> retryFailed(@PathVariable long id) throws IOException {
        JobExecution e = find(id);
        if (e.getStatus().isRunning() && alive()) {
            throw new ApiErrors.BadRequest("run " + id + " is running");
        }
        return relaunch(e, "--retry-failed");
    }

    private boolean alive() {
        return runs.launched().stream().anyMatch(RunProcesses.Launched::alive);
    }

    private Map<String, Object> relaunch(JobExecution e, String... extra) throws IOException {
        String scans = e.getJobParameters().getString(DigitizeJobConfig.SCANS);
        String definition = e.getJobParameters().getString(DigitizeJobConfig.DEFINITION);
        return launched(runs.start(definition == null || definition.isBlank() ? null : Path.of(definition), Path.of(scans), extra));
    }

    private static Map<String, Object> launched(RunProcesses.Launched r) {
        return Map.of("pid", r.pid(), "args", r.args(), "log", r.log().toString());
    }

    private JobExecution find(long id) {
        JobExecution e = repository.getJobExecution(id);
        if (e == null) {
            throw new ApiErrors.NotFound("no run " + id);
        }
        return e;
    }
}

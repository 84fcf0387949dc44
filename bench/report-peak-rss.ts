/** Preloaded (`node --require`) into a child when /usr/bin/time is missing: prints its peak RSS on exit. */
process.on('exit', () => {
  process.stderr.write(`peak-rss-kb=${process.resourceUsage().maxRSS}\n`);
});

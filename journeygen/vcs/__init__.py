"""Maps under version control: the git revisions a spec argument may name, the diff report, git's diff driver."""

# badinput.mk — hardening: the bad-input corpus (tests/bad/, issue 6) in
# `make check`, and the 1 GB memory benchmark beside `make bench`.

.PHONY: check-bad bench-bigfile

# Every case of tests/bad/expect.tsv against the built kmgca, with the network
# cut off where unshare allows it (about 10 s; the huge inputs are generated
# into a temporary folder at run time).
check-bad: $(B)/kmgca $(B)/.setup-test
	$(Q)sh tests/bad/run.sh $(B)/kmgca

CHECK_MORE += check-bad

# Peak memory and time of `kmgca analyse` on a generated diary of about 1 GB
# (SIZE_MB to change it); several minutes, so never part of `make check`.
bench-bigfile: $(B)/kmgca
	sh bench/bigfile.sh $(B)/kmgca

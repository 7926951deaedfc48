import PSVerifyCLI

/// glibc's mallopt(3) (declared in <malloc.h>, which Swift's Glibc module leaves out).
@_silgen_name("mallopt") func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
let M_TRIM_THRESHOLD: Int32 = -1
let M_MMAP_THRESHOLD: Int32 = -3  // <malloc.h>

// Tensors of a few hundred KiB are allocated and freed at every layer; glibc would map and unmap
// each one (page faults measured at ~8% of `psverify all`). Keeping them on the heap reuses pages.
_ = mallopt(M_MMAP_THRESHOLD, 64 << 20)
_ = mallopt(M_TRIM_THRESHOLD, 128 << 20)
PSVerifyMain.run()

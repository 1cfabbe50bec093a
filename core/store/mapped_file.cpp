// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/mapped_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace seqscope {

std::shared_ptr<MappedFile> MappedFile::open(const std::string& path, std::string& error) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        const int e = errno;
        if (e == ENOENT) error = "The file \"" + path + "\" doesn't exist.";
        else if (e == EACCES) error = "You don't have permission to read the file \"" + path + "\".";
        else error = "The file \"" + path + "\" could not be opened: " + std::strerror(e) + ".";
        return nullptr;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        error = "\"" + path + "\" is not a regular file.";
        return nullptr;
    }
    std::shared_ptr<MappedFile> f(new MappedFile());
    f->path_ = path;
    f->size_ = static_cast<std::size_t>(st.st_size);
    if (f->size_ > 0) {
        void* p = ::mmap(nullptr, f->size_, PROT_READ, MAP_PRIVATE, fd, 0);
        if (p == MAP_FAILED) {
            const int e = errno;
            ::close(fd);
            error = "The file \"" + path + "\" could not be mapped: " + std::strerror(e) + ".";
            return nullptr;
        }
        ::madvise(p, f->size_, MADV_SEQUENTIAL);
        f->data_ = static_cast<const std::uint8_t*>(p);
    }
    ::close(fd);
    return f;
}

MappedFile::~MappedFile() {
    if (data_ != nullptr) ::munmap(const_cast<std::uint8_t*>(data_), size_);
}

}  // namespace seqscope
